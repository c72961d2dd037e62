package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Statement;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.planner.ViewShape;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import java.util.List;
import java.util.Optional;

/** CREATE VIEW: plans the query to learn its columns and dependencies, then records it. */
final class CreateViewHandler implements Handler<CreateView> {

  @Override
  public Planned plan(Session session, CreateView statement) {
    return new Planned(StatementKind.DDL, null, List.of(), params -> run(session, statement));
  }

  private static StatementResult run(Session session, CreateView st) {
    Database db = session.database();
    String schema = Names.writableSchema(st.name());
    String name = st.name().simpleName();
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      Optional<ViewDef> existing = current.view(schema, name);
      if (current.nameTaken(schema, name)) {
        if (st.ifNotExists()) {
          return new StatementResult.Count(0);
        }
        if (!st.orReplace() || existing.isEmpty()) {
          throw new SluiceException(SqlState.DUPLICATE_OBJECT,
              "a table or view named \"" + name + "\" already exists");
        }
      }
      // Planning consumes the parsed query, so plan a fresh parse of the statement.
      Statement fresh = SluiceParser.parse(st.sql());
      ViewShape shape = db.planner().analyzeView(((CreateView) fresh).query(), st.columnNames(),
          current);
      String qualified = schema + "." + name;
      if (shape.dependencies().contains(qualified)) {
        throw new SluiceException(SqlState.INVALID_TABLE_DEFINITION,
            "view \"" + name + "\" cannot read itself");
      }
      if (st.materialized() && existing.isPresent()) {
        throw new SluiceException(SqlState.DUPLICATE_OBJECT, "a view named \"" + name
            + "\" already exists; drop it first to replace it with a materialized view");
      }
      ViewDef def;
      try (KvBatch batch = db.store().newBatch()) {
        long id = db.catalog().allocateId(batch);
        def = new ViewDef(id, schema, name, st.queryText(), shape.rowType(), st.materialized(),
            shape.dependencies());
        CatalogState next = db.catalog().putView(batch, def, existing.orElse(null));
        db.store().commit(batch);
        db.catalog().publish(next);
      }
      if (st.materialized()) {
        // The view is in the catalog before it backfills, so a crash meanwhile leaves a view
        // that recovery backfills again.
        try {
          db.views().start(def, true);
        } catch (RuntimeException e) {
          db.views().stop(def);
          try (KvBatch batch = db.store().newBatch()) {
            CatalogState next = db.catalog().removeView(batch, def);
            db.store().commit(batch);
            db.catalog().publish(next);
          }
          throw e;
        }
      }
      return new StatementResult.Count(0);
    } finally {
      db.ddlLock().unlock();
    }
  }
}
