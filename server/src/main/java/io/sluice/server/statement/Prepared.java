package io.sluice.server.statement;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.parser.SluiceParser;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import java.util.List;

/**
 * A parsed and planned statement, run once or many times. When the catalog changes between
 * runs (a table dropped and created again, say) the statement is planned again from its text.
 * Not thread-safe: one session uses it.
 */
public final class Prepared {
  private final Session session;
  private final String sql;
  private Handler.Planned planned;
  private long catalogVersion;

  private Prepared(Session session, String sql) {
    this.session = session;
    this.sql = sql;
    replan();
  }

  /** Parses and plans {@code sql}. */
  public static Prepared prepare(Session session, String sql) {
    return new Prepared(session, sql);
  }

  private void replan() {
    catalogVersion = session.database().catalog().current().version();
    planned = StatementHandlers.plan(session, SluiceParser.parse(sql));
  }

  private Handler.Planned current() {
    if (session.database().catalog().current().version() != catalogVersion) {
      replan();
    }
    return planned;
  }

  public String sql() {
    return sql;
  }

  /** What the statement does. */
  public StatementKind kind() {
    return planned.kind();
  }

  /** The result columns, or null when the statement returns a count. */
  public RowType columns() {
    return planned.columns();
  }

  /** The types of the parameters. */
  public List<DataType> parameterTypes() {
    return planned.parameterTypes();
  }

  /** Runs the statement with parameter values in internal representation. */
  public StatementResult execute(List<Object> parameters) {
    Handler.Planned p = current();
    if (parameters.size() != p.parameterTypes().size()) {
      throw new io.sluice.common.error.SluiceException(
          io.sluice.common.error.SqlState.INVALID_PARAMETER_VALUE, "the statement has "
              + p.parameterTypes().size() + " parameters but " + parameters.size()
              + " values were given");
    }
    return p.run().run(parameters);
  }

  /**
   * Runs the statement once per parameter set. An INSERT of rows writes them all in one atomic
   * write; other statements run one after another, each committing, and a failure says how
   * many ran before it ({@link BatchFailure}).
   */
  public long[] executeBatch(List<List<Object>> parameterSets) {
    Handler.Planned p = current();
    if (p.kind() == StatementKind.INSERT && p.run() instanceof QueryHandler.BatchInsert batch) {
      return batch.runBatch(parameterSets);
    }
    long[] counts = new long[parameterSets.size()];
    for (int i = 0; i < counts.length; i++) {
      StatementResult r;
      try {
        r = execute(parameterSets.get(i));
      } catch (io.sluice.common.error.SluiceException e) {
        throw new BatchFailure(i, e);
      }
      counts[i] = r instanceof StatementResult.Count c ? c.count() : 0;
    }
    return counts;
  }
}
