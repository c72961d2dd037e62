package io.sluice.server.statement;

import io.sluice.executor.codegen.QueryContext;
import io.sluice.parser.ast.Query;
import io.sluice.planner.SluicePlanner;
import io.sluice.server.Database;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.streams.ContinuousSelect;
import java.util.List;

/**
 * {@code SELECT STREAM query}: planned like a materialized view's query, run as a transient
 * dataflow whose result changes the client fetches as they commit. Running it returns once the
 * initial result is complete.
 */
final class SelectStreamHandler {
  private SelectStreamHandler() {}

  static Handler.Planned plan(Session session, Query statement) {
    Database db = session.database();
    SluicePlanner.StreamPlan plan = db.planner().planStream(statement.node(),
        db.catalog().current());
    io.sluice.common.types.RowType columns = ContinuousSelect.columns(plan.plan().rowType());
    return new Handler.Planned(StatementKind.QUERY, columns, List.of(), params -> {
      QueryContext ctx = QueryHandler.context(session, params);
      ContinuousSelect stream = db.streams().start(session, statement.sql(), plan,
          session.options().streamBufferRows(), ctx::isCancelled);
      return new StatementResult.Stream(columns, stream);
    });
  }
}
