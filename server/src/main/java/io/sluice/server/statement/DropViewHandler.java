package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.ast.DropView;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import java.util.List;
import java.util.Optional;

/** DROP VIEW: refused while another view reads it. */
final class DropViewHandler implements Handler<DropView> {

  @Override
  public Planned plan(Session session, DropView statement) {
    return new Planned(StatementKind.DDL, null, List.of(), params -> run(session, statement));
  }

  private static StatementResult run(Session session, DropView st) {
    Database db = session.database();
    String schema = Names.writableSchema(st.name());
    String name = st.name().simpleName();
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      Optional<ViewDef> view = current.view(schema, name);
      if (view.isEmpty() || view.get().materialized() != st.materialized()) {
        if (st.ifExists() && view.isEmpty()) {
          return new StatementResult.Count(0);
        }
        if (view.isPresent()) {
          throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
              "\"" + name + "\" is " + (view.get().materialized()
                  ? "a materialized view; use DROP MATERIALIZED VIEW"
                  : "not a materialized view; use DROP VIEW"));
        }
        if (current.table(schema, name).isPresent()) {
          throw new SluiceException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
              "\"" + name + "\" is a table; use DROP TABLE");
        }
        throw new SluiceException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
      }
      ViewDef def = view.get();
      List<ViewDef> dependents = current.dependents(def.qualifiedName());
      if (!dependents.isEmpty()) {
        throw new SluiceException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop view \"" + name + "\" because view \"" + dependents.get(0).name()
                + "\" reads it; drop that view first");
      }
      if (def.materialized()) {
        db.views().stop(def);
      }
      try (KvBatch batch = db.store().newBatch()) {
        CatalogState next = db.catalog().removeView(batch, def);
        db.store().commit(batch);
        db.catalog().publish(next);
      }
      return new StatementResult.Count(0);
    } finally {
      db.ddlLock().unlock();
    }
  }
}
