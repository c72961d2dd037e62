package io.sluice.storage.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/**
 * {@link KvBatch} builds RocksDB's write-batch format on the heap: its bytes equal those RocksDB
 * produces for the same writes (in every keyspace, the default column family included, with
 * lengths that need multi-byte varints), and what it writes reads back.
 */
class KvBatchTest {
  @Test
  void encodingEqualsRocksDbsOwn(@TempDir Path dir) throws Exception {
    Random random = new Random(7);
    try (RocksDbStore store = RocksDbStore.open(dir.resolve("db"), StoreOptions.defaults());
        KvBatch ours = store.newBatch();
        WriteBatch theirs = new WriteBatch()) {
      for (int i = 0; i < 500; i++) {
        Keyspace ks = Keyspace.values()[random.nextInt(Keyspace.values().length)];
        byte[] key = bytes(random, 1 + random.nextInt(i % 50 == 0 ? 400 : 20));
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            byte[] value = bytes(random, random.nextInt(i % 7 == 0 ? 20_000 : 30));
            ours.put(ks, key, value);
            theirs.put(store.handle(ks), key, value);
          }
          case 2 -> {
            ours.delete(ks, key);
            theirs.delete(store.handle(ks), key);
          }
          default -> {
            byte[] to = bytes(random, 1 + random.nextInt(20));
            ours.deleteRange(ks, key, to);
            theirs.deleteRange(store.handle(ks), key, to);
          }
        }
      }
      assertEquals(theirs.count(), ours.count());
      assertArrayEquals(theirs.data(), ours.encoded());
      assertEquals(theirs.getDataSize(), ours.sizeInBytes());
    }
  }

  @Test
  void writesReadBack(@TempDir Path dir) {
    try (RocksDbStore store = RocksDbStore.open(dir.resolve("db"), StoreOptions.defaults())) {
      try (KvBatch b = store.newBatch()) {
        for (int i = 0; i < 300; i++) {
          b.put(Keyspace.STATE, new byte[] {1, (byte) i}, new byte[] {(byte) i});
        }
        b.put(Keyspace.META, new byte[] {9}, new byte[1000]);
        store.commit(b);
      }
      try (KvBatch b = store.newBatch()) {
        b.delete(Keyspace.STATE, new byte[] {1, 5});
        b.deleteRange(Keyspace.STATE, new byte[] {1, 100}, new byte[] {1, (byte) 200});
        b.put(Keyspace.STATE, new byte[] {1, (byte) 150}, new byte[] {42});
        store.commit(b);
      }
      assertArrayEquals(new byte[] {4}, store.get(Keyspace.STATE, new byte[] {1, 4}));
      assertNull(store.get(Keyspace.STATE, new byte[] {1, 5}));
      assertNull(store.get(Keyspace.STATE, new byte[] {1, 120}));
      // Later writes in a batch win over its earlier range delete.
      assertArrayEquals(new byte[] {42}, store.get(Keyspace.STATE, new byte[] {1, (byte) 150}));
      assertArrayEquals(new byte[] {(byte) 250},
          store.get(Keyspace.STATE, new byte[] {1, (byte) 250}));
      assertEquals(1000, store.get(Keyspace.META, new byte[] {9}).length);
    }
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
