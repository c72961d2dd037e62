package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.CreateView;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.planner.ViewAnalysis;
import io.sluice.planner.ViewShape;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.catalog.CatalogState;
import io.sluice.storage.kv.KvBatch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.sql.SqlNode;

/** CREATE VIEW: plans the query to learn its columns and dependencies, then records it. */
final class CreateViewHandler implements Handler<CreateView> {

  @Override
  public Planned plan(Session session, CreateView statement) {
    // Planning consumes the parsed query: the first run plans the statement's own, a later
    // run of the same prepared statement a fresh parse of its text.
    AtomicReference<SqlNode> unplanned = new AtomicReference<>(statement.query());
    return new Planned(StatementKind.DDL, null, List.of(), params -> {
      SqlNode query = unplanned.getAndSet(null);
      return run(session, statement,
          query != null ? query : SluiceParser.parseQuery(statement.queryText()));
    });
  }

  private static StatementResult run(Session session, CreateView st, SqlNode query) {
    Database db = session.database();
    AtomicBoolean cancelled = session.beginStatement();
    ViewDef def = define(db, st, query);
    if (def == null || !def.materialized()) {
      return new StatementResult.Count(0);
    }
    // The backfill runs without the DDL lock, so a long one holds up no other DDL; the view
    // is in the catalog meanwhile (a crash leaves a view that recovery backfills again).
    try {
      db.views().awaitBackfill(def, cancelled::get);
    } catch (RuntimeException e) {
      db.ddlLock().lock();
      try {
        if (db.catalog().current().view(def.schema(), def.name())
            .filter(v -> v.id() == def.id()).isPresent()) {
          remove(db, def);
        }
      } finally {
        db.ddlLock().unlock();
      }
      throw e;
    }
    return new StatementResult.Count(0);
  }

  /**
   * Records the view (and starts a materialized one); null when IF NOT EXISTS found one. The
   * query is planned once: its analysis gives the columns, then the dataflow's plan.
   */
  private static ViewDef define(Database db, CreateView st, SqlNode query) {
    String schema = Names.writableSchema(st.name());
    String name = st.name().simpleName();
    db.ddlLock().lock();
    try {
      CatalogState current = db.catalog().current();
      Optional<ViewDef> existing = current.view(schema, name);
      if (current.nameTaken(schema, name)) {
        if (st.ifNotExists()) {
          return null;
        }
        if (!st.orReplace() || existing.isEmpty()) {
          throw new SluiceException(SqlState.DUPLICATE_OBJECT,
              "a table or view named \"" + name + "\" already exists");
        }
      }
      ViewAnalysis analysis = db.planner().analyzeView(query, st.columnNames(), current);
      ViewShape shape = analysis.shape();
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
        try {
          db.views().start(def, analysis.continuousPlan());
        } catch (RuntimeException e) {
          remove(db, def);
          throw e;
        }
      }
      return def;
    } finally {
      db.ddlLock().unlock();
    }
  }

  /** Stops a materialized view and removes it from the catalog; under the DDL lock. */
  private static void remove(Database db, ViewDef def) {
    db.views().stop(def);
    try (KvBatch batch = db.store().newBatch()) {
      CatalogState next = db.catalog().removeView(batch, def);
      db.store().commit(batch);
      db.catalog().publish(next);
    }
  }
}
