package io.sluice.storage.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RocksDbStore} on disk and in memory: batches commit atomically across keyspaces,
 * snapshots do not see later commits, iterators return their key range in unsigned byte order
 * in both directions, range deletes, and data survives reopening a directory.
 */
class RocksDbStoreTest {
  @TempDir
  Path dir;

  private final List<RocksDbStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(RocksDbStore::close);
  }

  private RocksDbStore open(boolean inMemory) {
    StoreOptions options = StoreOptions.defaults().withSyncWrites(false);
    RocksDbStore store = inMemory ? RocksDbStore.inMemory(options)
        : RocksDbStore.open(dir.resolve("db"), options);
    opened.add(store);
    return store;
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void commit(RocksDbStore store, java.util.function.Consumer<KvBatch> writes) {
    try (KvBatch batch = store.newBatch()) {
      writes.accept(batch);
      store.commit(batch);
    }
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void batchesWriteAndDeleteAcrossKeyspaces(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    commit(store, batch -> batch.put(Keyspace.TABLES, b("k"), b("table"))
        .put(Keyspace.STATE, b("k"), b("state")).put(Keyspace.META, b("gone"), b("x")));
    commit(store, batch -> batch.delete(Keyspace.META, b("gone"))
        .put(Keyspace.TABLES, b("k"), b("table2")));
    assertArrayEquals(b("table2"), store.get(Keyspace.TABLES, b("k")));
    assertArrayEquals(b("state"), store.get(Keyspace.STATE, b("k")));
    assertNull(store.get(Keyspace.LOG, b("k")));
    assertNull(store.get(Keyspace.META, b("gone")));
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void uncommittedBatchIsInvisible(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    try (KvBatch batch = store.newBatch()) {
      batch.put(Keyspace.TABLES, b("k"), b("v"));
      assertEquals(1, batch.count());
      assertNull(store.get(Keyspace.TABLES, b("k")));
    }
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void snapshotsDoNotSeeLaterCommits(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    commit(store, batch -> batch.put(Keyspace.TABLES, b("a"), b("1"))
        .put(Keyspace.TABLES, b("b"), b("1")));
    try (KvSnapshot snapshot = store.snapshot()) {
      commit(store, batch -> batch.put(Keyspace.TABLES, b("a"), b("2"))
          .delete(Keyspace.TABLES, b("b")).put(Keyspace.TABLES, b("c"), b("2")));
      assertArrayEquals(b("1"), store.get(snapshot, Keyspace.TABLES, b("a")));
      assertArrayEquals(b("1"), store.get(snapshot, Keyspace.TABLES, b("b")));
      assertNull(store.get(snapshot, Keyspace.TABLES, b("c")));
      assertEquals(List.of("a=1", "b=1"), entries(store, snapshot, null, null));
      assertEquals(List.of("a=2", "c=2"), entries(store, null, null, null));
      try (KvSnapshot later = store.snapshot()) {
        assertEquals(1, Long.signum(later.sequence() - snapshot.sequence()));
      }
    }
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void iteratorsReturnTheirRangeInUnsignedByteOrder(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    Random rnd = new Random(3);
    TreeMap<byte[], byte[]> expected = new TreeMap<>(Arrays::compareUnsigned);
    commit(store, batch -> {
      for (int i = 0; i < 300; i++) {
        byte[] key = new byte[1 + rnd.nextInt(3)];
        rnd.nextBytes(key);
        expected.put(key, new byte[] {(byte) i});
        batch.put(Keyspace.STATE, key, new byte[] {(byte) i});
        batch.put(Keyspace.LOG, key, new byte[] {0});
      }
    });
    byte[] lower = {(byte) 0x40};
    byte[] upper = {(byte) 0xC0, 0x10};
    List<byte[]> forward = new ArrayList<>();
    try (KvIterator it = store.iterator(null, Keyspace.STATE, lower, upper)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        forward.add(it.key());
        assertArrayEquals(expected.get(it.key()), it.value());
      }
      it.checkStatus();
    }
    List<byte[]> backward = new ArrayList<>();
    try (KvIterator it = store.iterator(null, Keyspace.STATE, lower, upper)) {
      for (it.seekToLast(); it.valid(); it.prev()) {
        backward.add(0, it.key());
      }
    }
    List<byte[]> inRange = new ArrayList<>(expected.subMap(lower, true, upper, false).keySet());
    assertEquals(hex(inRange), hex(forward));
    assertEquals(hex(inRange), hex(backward));
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void iteratorOverAnEmptyRangeFindsNothingEitherWay(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    commit(store, batch -> batch.put(Keyspace.TABLES, b("a"), b("1"))
        .put(Keyspace.TABLES, b("d"), b("1")));
    try (KvIterator it = store.iterator(null, Keyspace.TABLES, b("b"), b("c"))) {
      it.seekToFirst();
      assertFalse(it.valid());
      it.seekToLast();
      assertFalse(it.valid());
      it.seekForPrev(b("bz"));
      assertFalse(it.valid());
    }
    try (KvIterator it = store.iterator(null, Keyspace.TABLES, b("a"), b("c"))) {
      it.seekForPrev(b("bz"));
      assertTrue(it.valid());
      assertArrayEquals(b("a"), it.key());
    }
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void deleteRangeRemovesHalfOpenRange(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    commit(store, batch -> {
      for (String k : List.of("a", "b", "ba", "c", "d")) {
        batch.put(Keyspace.TABLES, b(k), b("v"));
      }
    });
    commit(store, batch -> batch.deleteRange(Keyspace.TABLES, b("b"), b("d")));
    assertEquals(List.of("a=v", "d=v"), entries(store, null, null, null));
  }

  @Test
  void committedDataSurvivesReopening() {
    RocksDbStore store = open(false);
    commit(store, batch -> batch.put(Keyspace.LOG, b("k"), b("v")));
    store.close();
    RocksDbStore again = open(false);
    assertArrayEquals(b("v"), again.get(Keyspace.LOG, b("k")));
  }

  @Test
  void closedStoreRefusesWork() {
    RocksDbStore store = open(true);
    store.close();
    assertThrows(StorageException.class, () -> store.get(Keyspace.META, b("k")));
    assertThrows(StorageException.class, store::newBatch);
  }

  private static List<String> entries(RocksDbStore store, KvSnapshot snapshot, byte[] lower,
      byte[] upper) {
    List<String> out = new ArrayList<>();
    try (KvIterator it = store.iterator(snapshot, Keyspace.TABLES, lower, upper)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        out.add(new String(it.key(), StandardCharsets.UTF_8) + "="
            + new String(it.value(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static List<String> hex(List<byte[]> keys) {
    return keys.stream().map(k -> java.util.HexFormat.of().formatHex(k)).toList();
  }
}
