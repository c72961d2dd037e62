package io.sluice.server;

import java.nio.file.Path;

/**
 * How a database is opened.
 *
 * @param dataDirectory the data directory, or null for a database that lives in memory only
 * @param syncWrites whether a write is fsynced before it is acknowledged (survives power loss;
 *     without it a write survives a process crash, not an OS crash)
 */
public record DatabaseConfig(Path dataDirectory, boolean syncWrites) {
  /** A durable database in a directory. */
  public static DatabaseConfig onDisk(Path dir) {
    return new DatabaseConfig(dir, true);
  }

  /** A database in memory. */
  public static DatabaseConfig inMemory() {
    return new DatabaseConfig(null, false);
  }

  /** Whether the database lives only in memory. */
  public boolean isInMemory() {
    return dataDirectory == null;
  }
}
