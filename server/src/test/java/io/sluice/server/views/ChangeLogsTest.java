package io.sluice.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.executor.stream.TableLogWriter;
import io.sluice.plan.catalog.TableDef;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeLogsTest {
  private static final TableDef TABLE = new TableDef(7, "public", "cl",
      RowType.of(new Field("a", DataType.of(TypeKind.INTEGER))), List.of(), null, Map.of(),
      TableDef.Kind.BASE);

  private static long write(RocksDbStore store, TableLogWriter w, int value) {
    try (KvBatch batch = store.newBatch()) {
      long seq = w.append(batch, List.<Object[]>of(new Object[] {value}), new long[] {1});
      store.commit(batch);
      w.published(seq);
      return seq;
    }
  }

  @Test
  void truncationIsNeededOnlyWhenCommittedEntriesPassedTheLastOne(@TempDir Path dir) {
    try (RocksDbStore store = RocksDbStore.open(dir, StoreOptions.defaults())) {
      ChangeLogs logs = new ChangeLogs(store);
      logs.subscribe(TABLE);
      TableLogWriter w = logs.writer(TABLE);
      long first = write(store, w, 1);
      long second = write(store, w, 2);
      assertTrue(logs.anyToTruncate(), "two committed entries, none truncated");

      logs.truncate(TABLE.id(), first);
      assertTrue(logs.anyToTruncate(), "the second entry is still there");
      assertEquals(1, logs.read(TABLE.id(), 0, second, 100).size(),
          "only the second entry is left");

      logs.truncate(TABLE.id(), second);
      assertFalse(logs.anyToTruncate(), "everything committed is truncated");
      assertEquals(0, logs.read(TABLE.id(), 0, second, 100).size());

      long third = write(store, w, 3);
      assertTrue(logs.anyToTruncate(), "a new write is there to truncate");
      logs.truncate(TABLE.id(), second); // behind the last truncation: changes nothing
      assertEquals(1, logs.read(TABLE.id(), 0, third, 100).size());
    }
  }
}
