package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.ast.DropTable;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * DROP TABLE: refused while a view reads the table; otherwise the definition and every row go
 * in one atomic write.
 */
final class DropTableHandler implements Handler<DropTable> {

  @Override
  public Planned plan(Session session, DropTable statement) {
    return new Planned(StatementKind.DDL, null, List.of(), params -> run(session, statement));
  }

  private static StatementResult run(Session session, DropTable st) {
    Database db = session.database();
    String schema = Names.writableSchema(st.name());
    String name = st.name().simpleName();
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      Optional<TableDef> table = current.table(schema, name);
      if (table.isEmpty()) {
        if (st.ifExists()) {
          return new StatementResult.Count(0);
        }
        if (current.view(schema, name).isPresent()) {
          throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
              "\"" + name + "\" is a view; use DROP VIEW");
        }
        throw new SluiceException(SqlState.UNDEFINED_TABLE,
            "table \"" + name + "\" does not exist");
      }
      TableDef def = table.get();
      List<ViewDef> dependents = current.dependents(def.qualifiedName());
      if (!dependents.isEmpty()) {
        throw new SluiceException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop table \"" + name + "\" because view \"" + dependents.get(0).name()
                + "\" reads it" + (dependents.size() > 1
                    ? " (and " + (dependents.size() - 1) + " more)" : "")
                + "; drop the view first");
      }
      // Streams read tables without a catalog dependency: they end, saying why.
      db.streams().tableDropped(def.id(), name);
      ReentrantLock lock = db.tableLock(def.id());
      lock.lock();
      try (KvBatch batch = db.store().newBatch()) {
        db.storage(def).deleteAll(batch);
        for (io.sluice.plan.catalog.IndexDef index : def.indexes()) {
          db.indexStorage(def, index).deleteAll(batch);
        }
        CatalogState next = db.catalog().removeTable(batch, def);
        db.store().commit(batch);
        db.catalog().publish(next);
      } finally {
        lock.unlock();
      }
      db.forgetTable(def.id());
      for (io.sluice.plan.catalog.IndexDef index : def.indexes()) {
        db.forgetIndex(index.id());
      }
      return new StatementResult.Count(0);
    } finally {
      db.ddlLock().unlock();
    }
  }
}
