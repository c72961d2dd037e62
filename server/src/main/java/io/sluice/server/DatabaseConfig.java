package io.sluice.server;

import io.sluice.storage.kv.StoreOptions;
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
 * @param cacheBytes the size of RocksDB's block cache (native memory, not heap)
 */
public record DatabaseConfig(Path dataDirectory, boolean syncWrites, long barrierIntervalMillis,
    int workers, Map<String, String> settings, Long restoreCheckpoint, long cacheBytes) {
  /** The time between epochs unless configured. */
  public static final long DEFAULT_BARRIER_INTERVAL_MILLIS = 100;
  /** The block cache size unless configured. */
  public static final long DEFAULT_CACHE_BYTES = StoreOptions.defaults().blockCacheBytes();

  public DatabaseConfig {
    settings = Map.copyOf(settings);
    if (cacheBytes < 1 << 20) {
      throw new IllegalArgumentException("the cache must be at least 1 MiB");
    }
  }

  /** A database with no command-line settings, nothing to restore and the default cache. */
  public DatabaseConfig(Path dataDirectory, boolean syncWrites, long barrierIntervalMillis,
      int workers) {
    this(dataDirectory, syncWrites, barrierIntervalMillis, workers, Map.of(), null,
        DEFAULT_CACHE_BYTES);
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
        restoreCheckpoint, cacheBytes);
  }

  /** This configuration with a system setting given as on the command line. */
  public DatabaseConfig withSetting(String name, String value) {
    Map<String, String> s = new LinkedHashMap<>(settings);
    s.put(name, value);
    return new DatabaseConfig(dataDirectory, syncWrites, barrierIntervalMillis, workers, s,
        restoreCheckpoint, cacheBytes);
  }

  /** This configuration, restoring a retained checkpoint before the database opens. */
  public DatabaseConfig withRestore(long checkpointId) {
    return new DatabaseConfig(dataDirectory, syncWrites, barrierIntervalMillis, workers,
        settings, checkpointId, cacheBytes);
  }

  /** This configuration with another block cache size. */
  public DatabaseConfig withCacheBytes(long bytes) {
    return new DatabaseConfig(dataDirectory, syncWrites, barrierIntervalMillis, workers,
        settings, restoreCheckpoint, bytes);
  }

  /** Whether the database lives only in memory. */
  public boolean isInMemory() {
    return dataDirectory == null;
  }
}
