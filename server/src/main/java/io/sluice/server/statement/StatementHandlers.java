package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;
import io.sluice.parser.ast.Checkpoint;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Describe;
import io.sluice.parser.ast.DropTable;
import io.sluice.parser.ast.DropView;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.parser.ast.Show;
import io.sluice.parser.ast.Statement;
import io.sluice.server.Session;
import java.util.Map;

/** The handler of each statement class, looked up by class. */
final class StatementHandlers {
  private static final Map<Class<? extends Statement>, Handler<?>> HANDLERS = Map.ofEntries(
      Map.entry(Query.class, new QueryHandler()),
      Map.entry(Explain.class, new ExplainHandler()),
      Map.entry(CreateTable.class, new CreateTableHandler()),
      Map.entry(DropTable.class, new DropTableHandler()),
      Map.entry(io.sluice.parser.ast.CreateIndex.class, new CreateIndexHandler()),
      Map.entry(io.sluice.parser.ast.DropIndex.class, new DropIndexHandler()),
      Map.entry(CreateView.class, new CreateViewHandler()),
      Map.entry(DropView.class, new DropViewHandler()),
      Map.entry(Show.class, new ShowHandler()),
      Map.entry(Describe.class, new DescribeHandler()),
      Map.entry(SetOption.class, (Handler<SetOption>) UtilityHandlers::set),
      Map.entry(ResetOption.class, (Handler<ResetOption>) UtilityHandlers::reset),
      Map.entry(Checkpoint.class, (Handler<Checkpoint>) CheckpointHandlers::checkpoint),
      Map.entry(io.sluice.parser.ast.ExportCheckpoint.class,
          (Handler<io.sluice.parser.ast.ExportCheckpoint>) CheckpointHandlers::export),
      Map.entry(io.sluice.parser.ast.AlterSystem.class,
          (Handler<io.sluice.parser.ast.AlterSystem>) CheckpointHandlers::alterSystem));

  private StatementHandlers() {}

  @SuppressWarnings("unchecked")
  static Handler.Planned plan(Session session, Statement statement) {
    Handler<Statement> h = (Handler<Statement>) HANDLERS.get(statement.getClass());
    if (h == null) {
      throw SluiceException.unsupported("no handler for " + statement.getClass().getSimpleName());
    }
    return h.plan(session, statement);
  }
}
