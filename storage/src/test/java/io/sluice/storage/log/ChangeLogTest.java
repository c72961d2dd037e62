package io.sluice.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StoreOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table's change log keeps entries in sequence order, per table, until truncated. */
class ChangeLogTest {
  private static final RowType ROW = RowType.of(new Field("a", DataType.of(TypeKind.INTEGER)),
      new Field("b", DataType.varchar(DataType.UNSPECIFIED)));

  private static void append(RocksDbStore store, ChangeLog log, long seq, Object[][] rows,
      long[] weights) {
    try (KvBatch b = store.newBatch()) {
      log.append(b, seq, List.of(rows), weights);
      store.commit(b);
    }
  }

  @Test
  void readsRangesInOrderAndTruncates() {
    try (RocksDbStore store = RocksDbStore.inMemory(StoreOptions.defaults())) {
      ChangeLog t1 = new ChangeLog(store, 1, ROW);
      ChangeLog t2 = new ChangeLog(store, 2, ROW);
      assertEquals(0, t1.lastSequence());
      append(store, t1, 1, new Object[][] {{1, "a"}, {2, null}}, new long[] {1, 1});
      append(store, t2, 1, new Object[][] {{9, "other"}}, new long[] {1});
      append(store, t1, 2, new Object[][] {{1, "a"}}, new long[] {-1});
      append(store, t1, 3, new Object[][] {}, new long[] {});
      assertEquals(3, t1.lastSequence());
      assertEquals(1, t2.lastSequence());

      List<ChangeLog.Entry> all = t1.read(0, 3);
      assertEquals(List.of(1L, 2L, 3L), all.stream().map(ChangeLog.Entry::seq).toList());
      assertArrayEquals(new Object[] {2, null}, all.get(0).rows().get(1));
      assertArrayEquals(new long[] {-1}, all.get(1).weights());
      assertEquals(List.of(2L), t1.read(1, 2).stream().map(ChangeLog.Entry::seq).toList());
      assertTrue(t1.read(3, 3).isEmpty());

      try (KvBatch b = store.newBatch()) {
        t1.truncate(b, 2);
        store.commit(b);
      }
      assertEquals(List.of(3L), t1.read(0, 10).stream().map(ChangeLog.Entry::seq).toList());
      assertEquals(1, t2.read(0, 10).size());
      try (KvBatch b = store.newBatch()) {
        t1.deleteAll(b);
        store.commit(b);
      }
      assertTrue(t1.read(0, 10).isEmpty());
      assertEquals(1, t2.read(0, 10).size());
    }
  }
}
