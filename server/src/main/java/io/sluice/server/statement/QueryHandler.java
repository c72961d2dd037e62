package io.sluice.server.statement;

import io.sluice.executor.codegen.QueryContext;
import io.sluice.executor.dml.TableWriter;
import io.sluice.executor.runtime.AdhocQuery;
import io.sluice.executor.runtime.ConstantRows;
import io.sluice.parser.ast.Query;
import io.sluice.plan.ModifyPlan;
import io.sluice.plan.QueryPlan;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.storage.kv.KvSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SELECT, INSERT, UPDATE and DELETE. A query runs over a snapshot of the store taken when it
 * starts, so it sees every write acknowledged before it and none after. A write holds its
 * table's lock from computing its changes to committing them.
 */
final class QueryHandler implements Handler<Query> {

  @Override
  public Planned plan(Session session, Query statement) {
    Database db = session.database();
    if (io.sluice.planner.SluicePlanner.isStream(statement.node())) {
      return SelectStreamHandler.plan(session, statement);
    }
    if (statement.node().isA(org.apache.calcite.sql.SqlKind.QUERY)) {
      QueryPlan plan = db.planner().planQuery(statement.node(), db.catalog().current());
      return new Planned(StatementKind.QUERY, plan.rowType(), plan.parameterTypes(),
          params -> select(session, plan, params));
    }
    ModifyPlan plan = db.planner().planModify(statement.node(), db.catalog().current());
    StatementKind kind = switch (plan.kind()) {
      case INSERT -> StatementKind.INSERT;
      case UPDATE -> StatementKind.UPDATE;
      case DELETE -> StatementKind.DELETE;
    };
    if (plan.kind() == ModifyPlan.Kind.INSERT && !readsTables(plan.source())) {
      return new Planned(kind, null, plan.parameterTypes(), new BatchInsert(session, plan));
    }
    return new Planned(kind, null, plan.parameterTypes(), params -> modify(session, plan, params));
  }

  static QueryContext context(Session session, List<Object> params) {
    return new QueryContext(params, System.currentTimeMillis(), session.options().timeZone(),
        session.beginStatement());
  }

  private static StatementResult select(Session session, QueryPlan plan, List<Object> params) {
    Database db = session.database();
    java.util.Set<Long> views = new java.util.TreeSet<>();
    viewsRead(plan.root(), views);
    QueryContext ctx = context(session, params);
    if (!views.isEmpty() && session.options().freshViewReads()) {
      db.views().awaitFresh(views, ctx::isCancelled);
    }
    for (long id : views) {
      db.views().checkReadable(id);
    }
    try (KvSnapshot snapshot = db.store().snapshot()) {
      return new StatementResult.Rows(plan.rowType(), AdhocQuery.run(plan, ctx, snapshot, db));
    }
  }

  private static StatementResult modify(Session session, ModifyPlan plan, List<Object> params) {
    Database db = session.database();
    ReentrantLock lock = db.tableLock(plan.table().id());
    TableWriter.Written written;
    lock.lock();
    try {
      written = db.writer().execute(current(db, plan), context(session, params));
    } finally {
      lock.unlock();
    }
    // The fsync happens outside the lock, so writers of one table share it (group commit).
    db.writer().awaitDurable(written.ticket());
    return new StatementResult.Count(written.count());
  }

  /**
   * The plan with the table's definition as it is now: an index created or dropped since the
   * statement was planned changes what a write must maintain. Called under the table's lock,
   * which index DDL takes too.
   */
  private static ModifyPlan current(Database db, ModifyPlan plan) {
    TableDef now = db.catalog().current()
        .table(plan.table().schema(), plan.table().name()).orElse(null);
    if (now == null || now.id() != plan.table().id()) {
      throw new io.sluice.common.error.SluiceException(
          io.sluice.common.error.SqlState.UNDEFINED_TABLE,
          "table \"" + plan.table().name() + "\" was dropped");
    }
    return now.equals(plan.table()) ? plan
        : new ModifyPlan(plan.kind(), now, plan.source(), plan.parameterTypes());
  }

  /** Collects the ids of the materialized views a plan reads. */
  private static void viewsRead(PlanNode node, java.util.Set<Long> out) {
    if (node instanceof TableScanNode scan
        && scan.table().kind() == TableDef.Kind.MATERIALIZED_VIEW) {
      out.add(scan.table().id());
    }
    for (PlanNode in : node.inputs()) {
      viewsRead(in, out);
    }
  }

  private static boolean readsTables(PlanNode node) {
    if (node instanceof TableScanNode) {
      return true;
    }
    for (PlanNode in : node.inputs()) {
      if (readsTables(in)) {
        return true;
      }
    }
    return false;
  }

  /**
   * INSERT ... VALUES whose rows depend only on parameters: a batch of parameter sets becomes
   * one atomic write of all their rows.
   */
  static final class BatchInsert implements Runner {
    private final Session session;
    private final ModifyPlan plan;
    private final ConstantRows constant;

    BatchInsert(Session session, ModifyPlan plan) {
      this.session = session;
      this.plan = plan;
      this.constant = ConstantRows.of(plan.source());
    }

    @Override
    public StatementResult run(List<Object> parameters) {
      return new StatementResult.Count(runBatch(List.of(parameters))[0]);
    }

    long[] runBatch(List<List<Object>> parameterSets) {
      Database db = session.database();
      long[] counts = new long[parameterSets.size()];
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        QueryContext ctx = context(session, parameterSets.get(i));
        List<Object[]> r = constant != null ? constant.rows(ctx)
            : AdhocQuery.rows(plan.source(), ctx, null, db);
        counts[i] = r.size();
        rows.addAll(r);
      }
      ReentrantLock lock = db.tableLock(plan.table().id());
      long ticket;
      lock.lock();
      try {
        ticket = db.writer().write(db.writer().insertRows(current(db, plan).table(), rows));
      } finally {
        lock.unlock();
      }
      db.writer().awaitDurable(ticket);
      return counts;
    }
  }
}
