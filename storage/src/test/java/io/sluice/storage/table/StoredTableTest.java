package io.sluice.storage.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.kv.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StoredTable} over a RocksDB store on disk and in memory: rows written in batches are
 * read back by key and scanned in primary key order, prefix scans and whole-table deletes stay
 * within their table, snapshots isolate later writes, and hidden row ids keep growing across
 * reopenings of the store.
 */
class StoredTableTest {
  private static final RowType ROWS = RowType.of(
      new Field("region", DataType.varchar(DataType.UNSPECIFIED)),
      new Field("id", DataType.of(TypeKind.INTEGER)),
      new Field("amount", DataType.decimal(10, 2)));
  /** Primary key (region, id). */
  private static final int[] PK = {0, 1};

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

  private static void commit(RocksDbStore store, Consumer<KvBatch> writes) {
    try (KvBatch batch = store.newBatch()) {
      writes.accept(batch);
      store.commit(batch);
    }
  }

  private static Object[] row(String region, int id, String amount) {
    return new Object[] {region, id, new java.math.BigDecimal(amount)};
  }

  private static List<String> scan(RowCursor cursor) {
    List<String> out = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        out.add(Arrays.toString(cursor.row()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void putGetDeleteByPrimaryKey(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    StoredTable t = new StoredTable(store, 7, ROWS, PK);
    Object[] r = row("eu", 1, "9.50");
    commit(store, batch -> t.put(batch, t.keyOf(r), r));
    assertArrayEquals(r, t.get(null, t.keyOfPrimaryKey(new Object[] {"eu", 1})));
    commit(store, batch -> t.delete(batch, t.keyOf(r)));
    assertNull(t.get(null, t.keyOf(r)));
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void scansInPrimaryKeyOrderWithinTheTable(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    StoredTable t = new StoredTable(store, 7, ROWS, PK);
    StoredTable before = new StoredTable(store, 6, ROWS, PK);
    StoredTable after = new StoredTable(store, 8, ROWS, PK);
    Random rnd = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row(List.of("", "eu", "us", "usa").get(rnd.nextInt(4)), rnd.nextInt(2001) - 1000,
          "1.00"));
    }
    commit(store, batch -> {
      for (Object[] r : rows) {
        t.put(batch, t.keyOf(r), r);
        before.put(batch, before.keyOf(r), row("before", 0, "0.00"));
        after.put(batch, after.keyOf(r), row("after", 0, "0.00"));
      }
    });
    List<String> expected = rows.stream()
        .sorted(Comparator.<Object[], String>comparing(r -> (String) r[0])
            .thenComparing(r -> (Integer) r[1]))
        .map(Arrays::toString).distinct().toList();
    assertEquals(expected, scan(t.scan(null)));
    assertEquals(expected.stream().filter(s -> s.startsWith("[us,")).toList(),
        scan(t.scanPrimaryKeyPrefix(null, new Object[] {"us"}, 1)));
    assertEquals(expected.stream().filter(s -> s.startsWith("[eu, 5,")).toList(),
        scan(t.scanPrimaryKeyPrefix(null, new Object[] {"eu", 5}, 2)));
    assertEquals(expected, scan(t.scanPrimaryKeyPrefix(null, new Object[0], 0)));
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void snapshotsIsolateLaterWrites(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    StoredTable t = new StoredTable(store, 7, ROWS, PK);
    Object[] a = row("eu", 1, "1.00");
    Object[] b = row("eu", 2, "2.00");
    commit(store, batch -> t.put(batch, t.keyOf(a), a));
    try (KvSnapshot snapshot = store.snapshot()) {
      commit(store, batch -> {
        t.put(batch, t.keyOf(b), b);
        t.put(batch, t.keyOf(a), row("eu", 1, "5.00"));
      });
      assertEquals(List.of(Arrays.toString(a)), scan(t.scan(snapshot)));
      assertArrayEquals(a, t.get(snapshot, t.keyOf(a)));
      assertEquals(List.of("[eu, 1, 5.00]", Arrays.toString(b)), scan(t.scan(null)));
    }
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void deleteAllEmptiesOnlyThisTable(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    StoredTable t = new StoredTable(store, 7, ROWS, PK);
    StoredTable neighbour = new StoredTable(store, 8, ROWS, PK);
    Object[] r = row("eu", 1, "1.00");
    commit(store, batch -> {
      t.put(batch, t.keyOf(r), r);
      neighbour.put(batch, neighbour.keyOf(r), r);
    });
    commit(store, t::deleteAll);
    assertEquals(List.of(), scan(t.scan(null)));
    assertEquals(List.of(Arrays.toString(r)), scan(neighbour.scan(null)));
  }

  @ParameterizedTest(name = "inMemory={0}")
  @ValueSource(booleans = {false, true})
  void rowIdsAreConsecutiveAndScanInAllocationOrder(boolean inMemory) {
    RocksDbStore store = open(inMemory);
    StoredTable t = new StoredTable(store, 9, ROWS, new int[0]);
    long first = t.allocateRowIds(3);
    assertEquals(first + 3, t.allocateRowIds(1));
    commit(store, batch -> {
      for (int i = 3; i >= 0; i--) {
        t.put(batch, t.keyOfRowId(first + i), row("r", i, "0.00"));
      }
    });
    assertEquals(List.of("[r, 0, 0.00]", "[r, 1, 0.00]", "[r, 2, 0.00]", "[r, 3, 0.00]"),
        scan(t.scan(null)));
  }

  @Test
  void rowIdAllocationContinuesAfterReopening() {
    RocksDbStore store = open(false);
    StoredTable t = new StoredTable(store, 9, ROWS, new int[0]);
    long last = t.allocateRowIds(3) + 2;
    commit(store, batch -> t.put(batch, t.keyOfRowId(last), row("r", 0, "0.00")));
    store.close();
    StoredTable reopened = new StoredTable(open(false), 9, ROWS, new int[0]);
    assertEquals(last + 1, reopened.allocateRowIds(1));
  }

  /** One row inserted per session must never overwrite a row of an earlier session. */
  @Test
  void rowsInsertedAcrossManyReopeningsAreAllKept() {
    for (int session = 0; session < 12; session++) {
      RocksDbStore store = open(false);
      StoredTable t = new StoredTable(store, 9, ROWS, new int[0]);
      long id = t.allocateRowIds(1);
      int s = session;
      commit(store, batch -> t.put(batch, t.keyOfRowId(id), row("r", s, "0.00")));
      store.close();
    }
    StoredTable t = new StoredTable(open(false), 9, ROWS, new int[0]);
    assertEquals(12, scan(t.scan(null)).size());
  }
}
