package io.sluice.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sluice bench}: the entry point of the benchmarks. Each subcommand is one benchmark;
 * its exit status is 0 when the run completed with correct data, 1 when it saw lost or wrong
 * data, and 2 when it could not run.
 */
@Command(name = "sluice bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of Sluice: insert and point-query against a server process over "
        + "the remote JDBC driver; stream-latency of SELECT STREAM over the remote driver; views, "
        + "freshness and large-view of materialized views in "
        + "process (embedded, on-disk RocksDB). Each prints RESULT lines and a MACHINE line.",
    subcommands = {InsertBenchmark.class, PointQueryBenchmark.class, ViewsBenchmark.class,
        FreshnessBenchmark.class, LargeViewBenchmark.class, CheckpointBenchmark.class,
        StreamLatencyBenchmark.class})
public final class BenchMain implements Runnable {
  /** Exit status of a run whose data checks failed. */
  static final int EXIT_WRONG_DATA = 1;
  /** Exit status of a run that could not be carried out. */
  static final int EXIT_FAILED = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a benchmark: insert, point-query, views, freshness, large-view or stream-latency");
  }

  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("bench failed: " + e);
      e.printStackTrace(line.getErr());
      return EXIT_FAILED;
    });
    System.exit(cl.execute(args));
  }
}
