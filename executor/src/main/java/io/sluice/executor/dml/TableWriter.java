package io.sluice.executor.dml;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.executor.ExecutionEnvironment;
import io.sluice.executor.codegen.QueryContext;
import io.sluice.executor.data.RowKey;
import io.sluice.executor.stream.TableLogWriter;
import io.sluice.executor.runtime.AdhocQuery;
import io.sluice.plan.ModifyPlan;
import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.RocksDbStore;
import io.sluice.storage.table.RowCursor;
import io.sluice.storage.table.StoredIndex;
import io.sluice.storage.table.StoredTable;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executes INSERT, UPDATE and DELETE: runs the statement's source query over a snapshot,
 * checks every new row, and commits all changes of the statement in one batch, so a statement
 * applies entirely or not at all. The caller holds the table's write lock, so the duplicate-key
 * checks see every earlier write and no concurrent one.
 */
public final class TableWriter {
  private final RocksDbStore store;
  private final ExecutionEnvironment env;

  public TableWriter(RocksDbStore store, ExecutionEnvironment env) {
    this.store = store;
    this.env = env;
  }

  /**
   * The rows a statement changes, before they are written.
   *
   * @param deletes storage keys of rows to delete (or to replace: a key may also be put)
   * @param deletedRows the rows under those keys, for index maintenance
   * @param putKeys storage keys of rows to write
   * @param putRows the rows to write
   * @param count rows affected, as the statement reports it
   */
  public record Changes(TableDef table, List<byte[]> deletes, List<Object[]> deletedRows,
      List<byte[]> putKeys, List<Object[]> putRows, long count) {}

  /**
   * Computes and writes a statement's changes (the caller holds the table's lock); returns
   * what to pass to {@link #awaitDurable} once the lock is released.
   */
  public Written execute(ModifyPlan plan, QueryContext context) {
    Changes changes = compute(plan, context);
    return new Written(changes.count(), write(changes));
  }

  /**
   * The outcome of a write that is visible but maybe not yet durable.
   *
   * @param count rows affected
   * @param ticket the store's durability ticket
   */
  public record Written(long count, long ticket) {}

  /** Waits until a write is durable; call after releasing the table lock. */
  public void awaitDurable(long ticket) {
    store.awaitDurable(ticket);
  }

  /** Computes a statement's changes without writing them. */
  public Changes compute(ModifyPlan plan, QueryContext context) {
    try (KvSnapshot snapshot = store.snapshot()) {
      List<Object[]> rows = AdhocQuery.rows(plan.source(), context, snapshot, env);
      StoredTable table = env.storage(plan.table());
      switch (plan.kind()) {
        case INSERT:
          return insert(plan.table(), table, rows, snapshot);
        case DELETE:
          return delete(plan.table(), table, rows, snapshot);
        case UPDATE:
          return update(plan.table(), table, rows, snapshot);
        default:
          throw new IllegalStateException(plan.kind().name());
      }
    }
  }

  /**
   * Writes changes atomically; they are visible at once and durable after {@link
   * #awaitDurable} with the returned ticket.
   */
  public long write(Changes changes) {
    if (changes.deletes().isEmpty() && changes.putKeys().isEmpty()) {
      return 0;
    }
    StoredTable table = env.storage(changes.table());
    TableLogWriter log = env.logWriter(changes.table());
    long seq = -1;
    try (KvBatch batch = store.newBatch()) {
      if (log != null) {
        seq = log.append(batch, logRows(changes), logWeights(changes));
      }
      for (byte[] key : changes.deletes()) {
        table.delete(batch, key);
      }
      for (int i = 0; i < changes.putKeys().size(); i++) {
        table.put(batch, changes.putKeys().get(i), changes.putRows().get(i));
      }
      for (IndexDef def : changes.table().indexes()) {
        StoredIndex index = env.indexStorage(changes.table(), def);
        for (int i = 0; i < changes.deletes().size(); i++) {
          index.delete(batch, changes.deletedRows().get(i), changes.deletes().get(i));
        }
        for (int i = 0; i < changes.putKeys().size(); i++) {
          index.put(batch, changes.putRows().get(i), changes.putKeys().get(i));
        }
      }
      long ticket = store.write(batch);
      if (log != null) {
        log.published(seq);
      }
      return ticket;
    }
  }

  /** The changes as the log holds them: each deleted row with -1, then each new row with +1. */
  private static List<Object[]> logRows(Changes changes) {
    List<Object[]> rows = new ArrayList<>(changes.deletedRows().size() + changes.putRows().size());
    rows.addAll(changes.deletedRows());
    rows.addAll(changes.putRows());
    return rows;
  }

  private static long[] logWeights(Changes changes) {
    long[] w = new long[changes.deletedRows().size() + changes.putRows().size()];
    java.util.Arrays.fill(w, 0, changes.deletedRows().size(), -1);
    java.util.Arrays.fill(w, changes.deletedRows().size(), w.length, 1);
    return w;
  }

  /** Inserts rows given directly (the fast path for INSERT ... VALUES with parameters). */
  public Changes insertRows(TableDef def, List<Object[]> rows) {
    StoredTable table = env.storage(def);
    if (!table.hasPrimaryKey() && def.indexes().stream().noneMatch(IndexDef::unique)) {
      return insert(def, table, rows, null);
    }
    try (KvSnapshot snapshot = store.snapshot()) {
      return insert(def, table, rows, snapshot);
    }
  }

  private Changes insert(TableDef def, StoredTable table, List<Object[]> rows,
      KvSnapshot snapshot) {
    RowValidator validator = new RowValidator(def);
    List<byte[]> keys = new ArrayList<>(rows.size());
    List<Object[]> stored = new ArrayList<>(rows.size());
    if (table.hasPrimaryKey()) {
      Set<ByteBuffer> seen = new HashSet<>();
      for (Object[] row : rows) {
        Object[] r = validator.validate(row);
        byte[] key = table.keyOf(r);
        if (!seen.add(ByteBuffer.wrap(key)) || table.get(snapshot, key) != null) {
          throw duplicate(def, r);
        }
        keys.add(key);
        stored.add(r);
      }
    } else {
      long id = table.allocateRowIds(rows.size());
      for (Object[] row : rows) {
        stored.add(validator.validate(row));
        keys.add(table.keyOfRowId(id++));
      }
    }
    checkUniqueIndexes(def, snapshot, keys, stored, Set.of());
    return new Changes(def, List.of(), List.of(), keys, stored, rows.size());
  }

  /**
   * Checks the table's unique indexes for rows about to be written: no two new rows, and no new
   * row and a row that stays, may have equal non-null values in a unique index's columns.
   *
   * @param removed storage keys of rows the statement deletes or replaces
   */
  private void checkUniqueIndexes(TableDef def, KvSnapshot snapshot, List<byte[]> keys,
      List<Object[]> rows, Set<ByteBuffer> removed) {
    for (IndexDef indexDef : def.indexes()) {
      if (!indexDef.unique()) {
        continue;
      }
      StoredIndex index = env.indexStorage(def, indexDef);
      Set<ByteBuffer> seen = new HashSet<>();
      for (int i = 0; i < rows.size(); i++) {
        Object[] row = rows.get(i);
        if (index.hasNull(row)) {
          continue;
        }
        byte[] entry = index.entryKey(row, new byte[0]);
        byte[] existing = snapshot == null ? null : index.rowWithSameKey(snapshot, row);
        if (!seen.add(ByteBuffer.wrap(entry))
            || (existing != null && !removed.contains(ByteBuffer.wrap(existing)))) {
          throw uniqueViolation(def, indexDef, row);
        }
      }
    }
  }

  private static SluiceException uniqueViolation(TableDef def, IndexDef index, Object[] row) {
    StringBuilder key = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < index.columns().size(); i++) {
      int p = index.columns().get(i);
      key.append(i == 0 ? "" : ", ").append(def.rowType().field(p).name());
      values.append(i == 0 ? "" : ", ").append(row[p]);
    }
    return new SluiceException(SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique "
        + "constraint \"" + index.name() + "\" of table \"" + def.name() + "\": (" + key
        + ")=(" + values + ") already exists");
  }

  private Changes delete(TableDef def, StoredTable table, List<Object[]> rows,
      KvSnapshot snapshot) {
    List<byte[]> deletes = new ArrayList<>();
    List<Object[]> deletedRows = new ArrayList<>();
    if (table.hasPrimaryKey()) {
      Set<ByteBuffer> seen = new HashSet<>();
      for (Object[] row : rows) {
        byte[] key = table.keyOf(row);
        if (seen.add(ByteBuffer.wrap(key))) {
          deletes.add(key);
          deletedRows.add(row);
        }
      }
    } else {
      Map<RowKey, Integer> remaining = new HashMap<>();
      for (Object[] row : rows) {
        remaining.merge(new RowKey(row), 1, Integer::sum);
      }
      try (RowCursor c = table.scan(snapshot)) {
        while (c.next() && !remaining.isEmpty()) {
          RowKey k = new RowKey(c.row());
          Integer n = remaining.get(k);
          if (n != null) {
            deletes.add(c.key());
            deletedRows.add(k.values());
            if (n == 1) {
              remaining.remove(k);
            } else {
              remaining.put(k, n - 1);
            }
          }
        }
      }
    }
    return new Changes(def, deletes, deletedRows, List.of(), List.of(), deletes.size());
  }

  private Changes update(TableDef def, StoredTable table, List<Object[]> rows,
      KvSnapshot snapshot) {
    int n = def.rowType().size();
    RowValidator validator = new RowValidator(def);
    List<byte[]> deletes = new ArrayList<>();
    List<Object[]> deletedRows = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    List<Object[]> stored = new ArrayList<>();
    if (table.hasPrimaryKey()) {
      Set<ByteBuffer> deleted = new HashSet<>();
      Set<ByteBuffer> written = new HashSet<>();
      List<Object[]> newRows = new ArrayList<>();
      for (Object[] row : rows) {
        Object[] old = Arrays.copyOfRange(row, 0, n);
        byte[] oldKey = table.keyOf(old);
        if (!deleted.add(ByteBuffer.wrap(oldKey))) {
          continue;
        }
        deletes.add(oldKey);
        deletedRows.add(old);
        newRows.add(validator.validate(Arrays.copyOfRange(row, n, 2 * n)));
      }
      for (Object[] r : newRows) {
        byte[] key = table.keyOf(r);
        ByteBuffer kb = ByteBuffer.wrap(key);
        if (!written.add(kb) || (!deleted.contains(kb) && table.get(snapshot, key) != null)) {
          throw duplicate(def, r);
        }
        keys.add(key);
        stored.add(r);
      }
      checkUniqueIndexes(def, snapshot, keys, stored, deleted);
      return new Changes(def, deletes, deletedRows, keys, stored, newRows.size());
    }
    Map<RowKey, Deque<Object[]>> pending = new HashMap<>();
    for (Object[] row : rows) {
      pending.computeIfAbsent(new RowKey(Arrays.copyOfRange(row, 0, n)), k -> new ArrayDeque<>())
          .add(validator.validate(Arrays.copyOfRange(row, n, 2 * n)));
    }
    try (RowCursor c = table.scan(snapshot)) {
      while (c.next() && !pending.isEmpty()) {
        RowKey k = new RowKey(c.row());
        Deque<Object[]> replacements = pending.get(k);
        if (replacements != null) {
          deletes.add(c.key());
          deletedRows.add(k.values());
          keys.add(c.key());
          stored.add(replacements.poll());
          if (replacements.isEmpty()) {
            pending.remove(k);
          }
        }
      }
    }
    Set<ByteBuffer> replaced = new HashSet<>();
    for (byte[] k : deletes) {
      replaced.add(ByteBuffer.wrap(k));
    }
    checkUniqueIndexes(def, snapshot, keys, stored, replaced);
    return new Changes(def, deletes, deletedRows, keys, stored, stored.size());
  }

  private static SluiceException duplicate(TableDef def, Object[] row) {
    StringBuilder key = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < def.primaryKey().size(); i++) {
      int p = def.primaryKey().get(i);
      key.append(i == 0 ? "" : ", ").append(def.rowType().field(p).name());
      values.append(i == 0 ? "" : ", ").append(row[p]);
    }
    return new SluiceException(SqlState.UNIQUE_VIOLATION, "duplicate key value violates the primary"
        + " key of table \"" + def.name() + "\": (" + key + ")=(" + values + ") already exists");
  }
}
