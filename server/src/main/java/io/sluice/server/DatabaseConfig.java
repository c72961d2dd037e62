package io.sluice.server;

import java.nio.file.Path;

/**
 * How a database is opened.
 *
 * @param dataDirectory the data directory, or null for a database that lives in memory only
 * @param syncWrites whether a write is fsynced before it is acknowledged (survives power loss;
 *     without it a write survives a process crash, not an OS crash)
 * @param barrierIntervalMillis the time between epochs of materialized views
 * @param workers the threads that run materialized views (about one per core)
 */
public record DatabaseConfig(Path dataDirectory, boolean syncWrites, long barrierIntervalMillis,
    int workers) {
  /** The time between epochs unless configured. */
  public static final long DEFAULT_BARRIER_INTERVAL_MILLIS = 100;

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
    return new DatabaseConfig(dataDirectory, syncWrites, millis, workers);
  }

  /** Whether the database lives only in memory. */
  public boolean isInMemory() {
    return dataDirectory == null;
  }
}
