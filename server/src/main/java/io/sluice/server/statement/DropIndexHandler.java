package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.ast.DropIndex;
import io.sluice.plan.catalog.IndexDef;
import io.sluice.plan.catalog.TableDef;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** DROP INDEX: removes the index and its entries in one write. */
final class DropIndexHandler implements Handler<DropIndex> {

  @Override
  public Planned plan(Session session, DropIndex statement) {
    return new Planned(StatementKind.DDL, null, List.of(), params -> run(session, statement));
  }

  private static StatementResult run(Session session, DropIndex st) {
    Database db = session.database();
    String schema = Names.writableSchema(st.name());
    String name = st.name().simpleName();
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      TableDef table = current.tableWithIndex(schema, name);
      if (table == null) {
        if (st.ifExists()) {
          return new StatementResult.Count(0);
        }
        throw new SluiceException(SqlState.UNDEFINED_OBJECT,
            "index \"" + name + "\" does not exist");
      }
      IndexDef index = table.indexes().stream().filter(i -> i.name().equals(name)).findFirst()
          .orElseThrow();
      List<IndexDef> rest = new ArrayList<>(table.indexes());
      rest.remove(index);
      ReentrantLock lock = db.tableLock(table.id());
      lock.lock();
      try (KvBatch batch = db.store().newBatch()) {
        db.indexStorage(table, index).deleteAll(batch);
        CatalogState next = db.catalog().replaceTable(batch, table, table.withIndexes(rest));
        db.store().commit(batch);
        db.catalog().publish(next);
      } finally {
        lock.unlock();
      }
      db.forgetIndex(index.id());
      return new StatementResult.Count(0);
    } finally {
      db.ddlLock().unlock();
    }
  }
}
