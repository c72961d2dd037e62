package io.sluice.storage.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StoreOptions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link RocksDbStateBackend} keeps the {@link StateTableContract} whichever layer a read
 * reaches: the epoch's dirty writes, sealed writes waiting for commit, or RocksDB itself.
 */
class RocksDbStateTableTest {

  /** A backend whose tables apply every write to one of the three layers. */
  private static StateBackend layered(Layer layer) {
    RocksDbStore store = RocksDbStore.inMemory(StoreOptions.defaults());
    RocksDbStateBackend backend = new RocksDbStateBackend(store);
    return new StateBackend() {
      private long epoch;

      @Override
      public StateTable open(StateTableSpec spec) {
        StateTable t = backend.open(spec);
        return new ForwardingTable(t) {
          @Override
          void afterWrite() {
            if (layer == Layer.DIRTY) {
              return;
            }
            EpochDelta delta = backend.seal(++epoch);
            if (layer == Layer.COMMITTED) {
              try (KvBatch batch = store.newBatch()) {
                delta.addTo(batch);
                store.commit(batch);
              }
              backend.committed(epoch);
            }
          }
        };
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  enum Layer { DIRTY, SEALED, COMMITTED }

  /** A table from an INTEGER key to a BIGINT value. */
  private static final StateTableSpec INT_TO_BIGINT = new StateTableSpec(7, "t",
      List.of(new KeyCodec.Column(DataType.of(TypeKind.INTEGER), false, false)),
      List.of(DataType.of(TypeKind.BIGINT)));

  @Nested
  class Dirty extends StateTableContract {
    @Override
    protected StateBackend newBackend() {
      return layered(Layer.DIRTY);
    }
  }

  @Nested
  class Sealed extends StateTableContract {
    @Override
    protected StateBackend newBackend() {
      return layered(Layer.SEALED);
    }
  }

  @Nested
  class Committed extends StateTableContract {
    @Override
    protected StateBackend newBackend() {
      return layered(Layer.COMMITTED);
    }
  }

  @Test
  void uncommittedWritesAreDiscardedAndCommittedOnesSurvive() {
    try (RocksDbStore store = RocksDbStore.inMemory(StoreOptions.defaults())) {
      RocksDbStateBackend backend = new RocksDbStateBackend(store);
      StateTable t = backend.open(INT_TO_BIGINT);
      t.put(new Object[] {1}, new Object[] {10L});
      EpochDelta first = backend.seal(1);
      assertEquals(1, first.size());
      try (KvBatch batch = store.newBatch()) {
        first.addTo(batch);
        store.commit(batch);
      }
      backend.committed(1);
      t.put(new Object[] {1}, new Object[] {11L});
      t.put(new Object[] {2}, new Object[] {20L});
      backend.seal(2);
      t.delete(new Object[] {1});
      assertNull(t.get(new Object[] {1}));
      backend.discardUncommitted();
      assertArrayEquals(new Object[] {10L}, t.get(new Object[] {1}));
      assertNull(t.get(new Object[] {2}));
      // A second backend over the same store sees exactly what was committed.
      StateTable again = new RocksDbStateBackend(store).open(t.spec());
      assertArrayEquals(new Object[] {10L}, again.get(new Object[] {1}));
      assertNull(again.get(new Object[] {2}));
    }
  }

  @Test
  void sealedEpochsAreReadFromTheirBytesUntilTheirCommit() {
    try (RocksDbStore store = RocksDbStore.inMemory(StoreOptions.defaults())) {
      RocksDbStateBackend backend = new RocksDbStateBackend(store);
      StateTable t = backend.open(INT_TO_BIGINT);
      t.put(new Object[] {1}, new Object[] {10L});
      t.put(new Object[] {2}, new Object[] {20L});
      backend.seal(1);
      t.put(new Object[] {1}, new Object[] {11L});
      t.delete(new Object[] {2});
      t.put(new Object[] {3}, new Object[] {30L});
      backend.seal(2);
      t.put(new Object[] {4}, new Object[] {40L});
      // The first reads see the newest sealed version of each key, then the dirty write.
      assertArrayEquals(new Object[] {11L}, t.get(new Object[] {1}));
      assertNull(t.get(new Object[] {2}));
      List<Object> keys = new java.util.ArrayList<>();
      try (StateCursor c = t.scan(new Object[0], 0)) {
        while (c.next()) {
          keys.add(c.key()[0]);
          keys.add(c.value()[0]);
        }
      }
      assertEquals(List.of(1, 11L, 3, 30L, 4, 40L), keys);
      // Many keys over two sealed epochs, half of them rewritten or deleted in the second.
      for (int k = 100; k < 1100; k++) {
        t.put(new Object[] {k}, new Object[] {(long) k});
      }
      backend.seal(3);
      for (int k = 100; k < 1100; k += 2) {
        if (k % 4 == 0) {
          t.delete(new Object[] {k});
        } else {
          t.put(new Object[] {k}, new Object[] {(long) -k});
        }
      }
      backend.seal(4);
      for (int k = 100; k < 1100; k++) {
        Object[] v = t.get(new Object[] {k});
        Object[] expected = k % 4 == 0 ? null : new Object[] {(long) (k % 2 == 0 ? -k : k)};
        assertArrayEquals(expected, v, "key " + k);
      }
      backend.committed(4);
      assertNull(t.get(new Object[] {1}), "nothing was written to the store");
    }
  }

  /** Commits a delta as the coordinator does, and tells the backend. */
  private static void commit(RocksDbStore store, RocksDbStateBackend backend, EpochDelta delta) {
    try (KvBatch batch = store.newBatch()) {
      delta.addTo(batch);
      store.commit(batch);
    }
    backend.committed(delta.epoch());
  }

  @Test
  void writeOnlyTablesLandTheirWritesAtCommitTheLaterWriteOfAKeyWinning() {
    StateTableSpec blind = new StateTableSpec(INT_TO_BIGINT.id(), "t",
        INT_TO_BIGINT.keyColumns(), INT_TO_BIGINT.valueTypes(), true);
    try (RocksDbStore store = RocksDbStore.inMemory(StoreOptions.defaults())) {
      RocksDbStateBackend backend = new RocksDbStateBackend(store);
      StateTable t = backend.open(blind);
      for (int k = 0; k < 3000; k++) {
        t.put(new Object[] {k}, new Object[] {(long) k});
      }
      commit(store, backend, backend.seal(1));
      // Rewritten (twice, the second write must win), deleted, and deleted then written again.
      for (int k = 0; k < 3000; k += 3) {
        t.put(new Object[] {k}, new Object[] {-1L});
        t.put(new Object[] {k}, new Object[] {(long) -k});
        t.delete(new Object[] {k + 1});
        t.delete(new Object[] {k + 2});
        t.put(new Object[] {k + 2}, new Object[] {(long) (k + 2) * 10});
      }
      EpochDelta second = backend.seal(2);
      assertEquals(5000, second.size(), "a write-only table hands over every write");
      commit(store, backend, second);
      assertEquals(0, backend.seal(3).size(), "nothing left after a seal");
      StateTable reader = new RocksDbStateBackend(store).open(blind.readable());
      for (int k = 0; k < 3000; k++) {
        Object[] expected = switch (k % 3) {
          case 0 -> new Object[] {(long) -k};
          case 1 -> null;
          default -> new Object[] {(long) k * 10};
        };
        assertArrayEquals(expected, reader.get(new Object[] {k}), "key " + k);
      }
    }
  }

  @Test
  void tablesSealedInPartsJoinTheEpochsDeltaOnce() {
    StateTableSpec other = new StateTableSpec(8, "u", INT_TO_BIGINT.keyColumns(),
        INT_TO_BIGINT.valueTypes());
    try (RocksDbStore store = RocksDbStore.inMemory(StoreOptions.defaults())) {
      RocksDbStateBackend backend = new RocksDbStateBackend(store);
      StateTable a = backend.open(INT_TO_BIGINT);
      StateTable b = backend.open(other);
      StateTable c = backend.open(new StateTableSpec(9, "v", INT_TO_BIGINT.keyColumns(),
          INT_TO_BIGINT.valueTypes(), true));
      a.put(new Object[] {1}, new Object[] {1L});
      b.put(new Object[] {2}, new Object[] {2L});
      c.put(new Object[] {3}, new Object[] {3L});
      backend.sealPart(1, List.of(a));
      backend.sealPart(1, List.of(c));
      // a's write is sealed: still readable, and not handed over a second time.
      assertArrayEquals(new Object[] {1L}, a.get(new Object[] {1}));
      EpochDelta delta = backend.seal(1);
      assertEquals(3, delta.size());
      commit(store, backend, delta);
      a.put(new Object[] {5}, new Object[] {5L});
      c.put(new Object[] {6}, new Object[] {6L});
      backend.sealPart(2, List.of(a, b, c));
      backend.discardUncommitted();
      assertEquals(0, backend.seal(2).size(), "a discarded part is gone");
      RocksDbStateBackend fresh = new RocksDbStateBackend(store);
      assertArrayEquals(new Object[] {1L}, fresh.open(INT_TO_BIGINT).get(new Object[] {1}));
      assertArrayEquals(new Object[] {2L}, fresh.open(other).get(new Object[] {2}));
    }
  }

  @Test
  void encodedKeysCompareAsTheirBytesDo() {
    // Short keys, mostly zeros and 0xFF, around the 24 bytes compared as longs first.
    java.util.Random random = new java.util.Random(42);
    byte[][] keys = new byte[400][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new byte[random.nextInt(29)];
      for (int b = 0; b < keys[i].length; b++) {
        int pick = random.nextInt(4);
        keys[i][b] = (byte) (pick == 0 ? 0 : pick == 1 ? 0xFF : pick == 2 ? 1 : random.nextInt());
      }
    }
    for (byte[] a : keys) {
      for (byte[] b : keys) {
        int expected = Integer.signum(java.util.Arrays.compareUnsigned(a, b));
        int actual = Integer.signum(new EncodedKey(a)
            .compareTo(new EncodedKey(b)));
        assertEquals(expected, actual, java.util.Arrays.toString(a) + " vs "
            + java.util.Arrays.toString(b));
      }
    }
  }
}
