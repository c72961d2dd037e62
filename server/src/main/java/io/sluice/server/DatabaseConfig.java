package io.sluice.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a database is opened.
 *
 * @param dataDirectory the data directory, or null for a database that lives in memory only
 * @param syncWrites whether a write is fsynced before it is acknowledged (survives power loss;
 *     without it a write survives a process crash, not an OS crash)
 * @param barrierIntervalMillis the time between epochs of materialized views
 * @param workers the threads that run materialized views (about one per core)
 * @param settings system settings given on the command line: they take precedence over those
 *     stored with ALTER SYSTEM, for this run
 * @param restoreCheckpoint the retained checkpoint to restore before opening, or null
 */
public record DatabaseConfig(Path dataDirectory, boolean syncWrites, long barrierIntervalMillis,
    int workers, Map<String, String> settings, Long restoreCheckpoint) {
  /** The time between epochs unless configured. */
  public static final long DEFAULT_BARRIER_INTERVAL_MILLIS = 100;

  public DatabaseConfig {
    settings = Map.copyOf(settings);
  }

  /** A database with no command-line settings and nothing to restore. */
  public DatabaseConfig(Path dataDirectory, boolean syncWrites, long barrierIntervalMillis,
      int workers) {
    this(dataDirectory, syncWrites, barrierIntervalMillis, workers, Map.of(), null);
  }

  /** A durable database in a directory. */
  public static DatabaseConfig onDisk(Path dir) {
    return new DatabaseConfig(dir, true);
  }

  /** A database in memory. */
  public static DatabaseConfig inMemory() {
    return new DatabaseConfig(null, false);
  }

  /** A database with the default epoch interval and one worker per core. */
  public DatabaseConfig(Path dataDirectory, boolean syncWrites) {
    this(dataDirectory, syncWrites, DEFAULT_BARRIER_INTERVAL_MILLIS,
        Runtime.getRuntime().availableProcessors());
  }

  /** This configuration with another epoch interval. */
  public DatabaseConfig withBarrierInterval(long millis) {
    return new DatabaseConfig(dataDirectory, syncWrites, millis, workers, settings,
        restoreCheckpoint);
  }

  /** This configuration with a system setting given as on the command line. */
  public DatabaseConfig withSetting(String name, String value) {
    Map<String, String> s = new LinkedHashMap<>(settings);
    s.put(name, value);
    return new DatabaseConfig(dataDirectory, syncWrites, barrierIntervalMillis, workers, s,
        restoreCheckpoint);
  }

  /** This configuration, restoring a retained checkpoint before the database opens. */
  public DatabaseConfig withRestore(long checkpointId) {
    return new DatabaseConfig(dataDirectory, syncWrites, barrierIntervalMillis, workers,
        settings, checkpointId);
  }

  /** Whether the database lives only in memory. */
  public boolean isInMemory() {
    return dataDirectory == null;
  }
}
