package io.sluice.bench;

import io.sluice.server.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to open the database of an in-process benchmark; shared by the benchmarks that run the
 * engine embedded (materialized views are measured where they run, without a driver between).
 */
final class EmbeddedOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory under which the benchmark's database is created, in a fresh "
          + "subdirectory that is deleted afterwards (default: java.io.tmpdir).")
  Path dataDir;

  @Option(names = "--keep-data",
      description = "Keep the database directory after the run instead of deleting it.")
  boolean keepData;

  @Option(names = "--no-fsync",
      description = "Open the database without fsync on commit (writes survive a process "
          + "crash, not an OS crash). Default: fsync on, as a server runs by default.")
  boolean noFsync;

  @Option(names = "--engine-log",
      description = "Show the engine's INFO log (default: warnings and errors only).")
  boolean engineLog;

  /** The configuration to open the database in {@code dir} with. */
  DatabaseConfig config(Path dir, long barrierIntervalMillis) {
    return new DatabaseConfig(dir, !noFsync, barrierIntervalMillis,
        Runtime.getRuntime().availableProcessors());
  }
}
