package io.sluice.server.avatica;

import io.sluice.server.Database;
import io.sluice.server.DatabaseConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The databases embedded connections open in this JVM, one per data directory (or in-memory
 * name), shared by every connection to it and closed when the last one closes.
 */
final class EmbeddedDatabases {
  private static final Map<String, SluiceMeta> OPEN = new HashMap<>();

  private EmbeddedDatabases() {}

  /**
   * The Meta of the database a target names: {@code embedded:<dir>}, {@code mem:} (private to
   * one connection) or {@code mem:<name>} (shared by name while open).
   */
  static synchronized SluiceMeta meta(String target) {
    String key;
    DatabaseConfig config;
    if (target.startsWith("mem:")) {
      String name = target.substring(4);
      key = "mem:" + (name.isEmpty() ? UUID.randomUUID() : name);
      config = DatabaseConfig.inMemory();
    } else if (target.startsWith("embedded:")) {
      String dir = target.substring("embedded:".length());
      if (dir.isEmpty()) {
        throw new IllegalArgumentException("jdbc:sluice:embedded: needs a directory");
      }
      Path path = Path.of(dir).toAbsolutePath().normalize();
      key = "embedded:" + path;
      config = DatabaseConfig.onDisk(path);
    } else {
      throw new IllegalArgumentException("unknown embedded target " + target);
    }
    SluiceMeta meta = OPEN.get(key);
    if (meta == null || meta.database().isClosed()) {
      Database db = Database.open(config);
      String k = key;
      SluiceMeta[] holder = new SluiceMeta[1];
      holder[0] = new SluiceMeta(db, () -> closeIfUnused(k, holder[0]));
      meta = holder[0];
      OPEN.put(key, meta);
    }
    return meta;
  }

  private static synchronized void closeIfUnused(String key, SluiceMeta meta) {
    if (meta.connectionCount() == 0 && OPEN.get(key) == meta) {
      OPEN.remove(key);
      meta.database().close();
    }
  }
}
