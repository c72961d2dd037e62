package io.sluice.server.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's layout under the file operations that can be interrupted: moving a store
 * made before checkpoints existed into {@code db}, and a restore stopped between its renames.
 */
class DataDirectoryTest {
  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

  private static void write(Path storeDir, String value) {
    try (RocksDbStore s = RocksDbStore.open(storeDir, StoreOptions.defaults());
        KvBatch b = s.newBatch()) {
      b.put(Keyspace.META, KEY, value.getBytes(StandardCharsets.UTF_8));
      s.commit(b);
    }
  }

  private static String read(Path storeDir) {
    try (RocksDbStore s = RocksDbStore.open(storeDir, StoreOptions.defaults())) {
      byte[] v = s.get(Keyspace.META, KEY);
      return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }
  }

  @Test
  void aStoreAtTheTopMovesIntoDb(@TempDir Path dir) {
    write(dir, "legacy");
    Path store = DataDirectory.store(dir);
    assertEquals(dir.resolve("db"), store);
    assertFalse(Files.exists(dir.resolve("CURRENT")));
    assertEquals("legacy", read(store));
  }

  @Test
  void aMoveInterruptedByACrashGoesOn(@TempDir Path dir) throws Exception {
    write(dir, "legacy");
    // As if the process died after moving some files: CURRENT already moved.
    Files.createDirectories(dir.resolve("db.moving"));
    Files.move(dir.resolve("CURRENT"), dir.resolve("db.moving").resolve("CURRENT"));
    Path store = DataDirectory.store(dir);
    assertFalse(Files.exists(dir.resolve("db.moving")));
    assertEquals("legacy", read(store));
  }

  @Test
  void aRestoreStoppedAfterTheOldStoreMovedAsideFinishes(@TempDir Path dir) throws Exception {
    write(dir.resolve("db.restoring"), "restored");
    Path store = DataDirectory.store(dir);
    assertEquals("restored", read(store));
    assertFalse(Files.exists(dir.resolve("db.restoring")));
  }

  @Test
  void aRestoreStoppedBeforeTheSwapLeavesTheStore(@TempDir Path dir) throws Exception {
    write(dir.resolve("db"), "live");
    write(dir.resolve("db.restoring"), "restored");
    write(dir.resolve("db.restoring.tmp"), "partial");
    Path store = DataDirectory.store(dir);
    assertEquals("live", read(store));
    assertFalse(Files.exists(dir.resolve("db.restoring")));
    assertFalse(Files.exists(dir.resolve("db.restoring.tmp")));
  }

  @Test
  void copiesLinkTableFilesAndCopyTheRest(@TempDir Path dir) throws Exception {
    Path from = dir.resolve("from");
    write(from, "x");
    try (RocksDbStore s = RocksDbStore.open(from, StoreOptions.defaults())) {
      s.flush();
    }
    Path to = dir.resolve("to");
    DataDirectory.copyStore(from, to);
    boolean sawTable = false;
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Path copy = to.resolve(f.getFileName().toString());
        if (!Files.isRegularFile(f)) {
          continue;
        }
        assertTrue(Files.exists(copy), copy.toString());
        boolean same = Files.isSameFile(f, copy);
        if (f.toString().endsWith(".sst")) {
          sawTable = true;
          assertTrue(same, "table files are hard links: " + f);
        } else {
          assertFalse(same, "other files are copies: " + f);
          if (!f.getFileName().toString().equals("LOCK")) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy));
          }
        }
      }
    }
    assertTrue(sawTable, "the flushed store has a table file");
    assertEquals("x", read(to));
  }
}
