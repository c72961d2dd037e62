package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.ast.CreateIndex;
import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.table.RowCursor;
import io.sluice.storage.table.StoredIndex;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * CREATE INDEX: builds the index from the table's rows under the table's lock (writers wait),
 * checking uniqueness as it goes, and records it with its entries in one write.
 */
final class CreateIndexHandler implements Handler<CreateIndex> {

  @Override
  public Planned plan(Session session, CreateIndex statement) {
    return new Planned(StatementKind.DDL, null, List.of(), params -> run(session, statement));
  }

  private static StatementResult run(Session session, CreateIndex st) {
    Database db = session.database();
    String schema = Names.writableSchema(st.table());
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      if (current.tableWithIndex(schema, st.name()) != null) {
        if (st.ifNotExists()) {
          return new StatementResult.Count(0);
        }
        throw new SluiceException(SqlState.DUPLICATE_OBJECT,
            "an index named \"" + st.name() + "\" already exists");
      }
      Optional<TableDef> found = current.table(schema, st.table().simpleName());
      if (found.isEmpty()) {
        throw new SluiceException(SqlState.UNDEFINED_TABLE, "table \"" + st.table()
            + "\" does not exist" + (current.view(schema, st.table().simpleName()).isPresent()
                ? " (views cannot be indexed)" : ""));
      }
      TableDef table = found.get();
      List<Integer> columns = new ArrayList<>();
      List<Boolean> descending = new ArrayList<>();
      for (CreateIndex.IndexColumn c : st.columns()) {
        int i = table.rowType().indexOf(c.name());
        if (i < 0) {
          throw new SluiceException(SqlState.UNDEFINED_COLUMN, "column \"" + c.name()
              + "\" of the index is not a column of table \"" + table.name() + "\"");
        }
        if (columns.contains(i)) {
          throw new SluiceException(SqlState.DUPLICATE_COLUMN,
              "column \"" + c.name() + "\" appears twice in the index");
        }
        columns.add(i);
        descending.add(c.descending());
      }
      ReentrantLock lock = db.tableLock(table.id());
      lock.lock();
      try (KvBatch batch = db.store().newBatch()) {
        IndexDef index = new IndexDef(db.catalog().allocateId(batch), st.name(), columns,
            descending, st.unique());
        TableDef updated = addIndex(db, batch, table, index);
        CatalogState next = db.catalog().replaceTable(batch, table, updated);
        db.store().commit(batch);
        db.catalog().publish(next);
      } finally {
        lock.unlock();
      }
      return new StatementResult.Count(0);
    } finally {
      db.ddlLock().unlock();
    }
  }

  /**
   * Adds an index's entries for every row of a table to a batch and returns the table with the
   * index; the caller holds the table's lock.
   */
  static TableDef addIndex(Database db, KvBatch batch, TableDef table, IndexDef index) {
    TableDef updated = table.withIndexes(append(table.indexes(), index));
    StoredIndex stored = db.indexStorage(updated, index);
    Set<ByteBuffer> seen = new HashSet<>();
    try (KvSnapshot snapshot = db.store().snapshot();
        RowCursor c = db.storage(table).scan(snapshot)) {
      while (c.next()) {
        Object[] row = c.row();
        if (index.unique() && !stored.hasNull(row)
            && !seen.add(ByteBuffer.wrap(stored.entryKey(row, new byte[0])))) {
          db.forgetIndex(index.id());
          throw new SluiceException(SqlState.UNIQUE_VIOLATION, "cannot create unique index \""
              + index.name() + "\": table \"" + table.name() + "\" has rows with equal values "
              + "in its columns");
        }
        stored.put(batch, row, c.key());
      }
    }
    return updated;
  }

  private static List<IndexDef> append(List<IndexDef> list, IndexDef index) {
    List<IndexDef> out = new ArrayList<>(list);
    out.add(index);
    return out;
  }
}
