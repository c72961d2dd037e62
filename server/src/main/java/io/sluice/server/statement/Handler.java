package io.sluice.server.statement;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.parser.ast.Statement;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import java.util.List;

/**
 * Plans and runs one kind of statement.
 *
 * @param <S> the statement class
 */
interface Handler<S extends Statement> {
  /** Plans the statement against the session's current catalog. */
  Planned plan(Session session, S statement);

  /**
   * A planned statement.
   *
   * @param kind what it does
   * @param columns the result columns, or null when it returns a count
   * @param parameterTypes the types of its {@code ?} parameters
   * @param run runs it with parameter values (internal representation)
   */
  record Planned(StatementKind kind, RowType columns, List<DataType> parameterTypes,
      Runner run) {}

  /** Runs a planned statement. */
  @FunctionalInterface
  interface Runner {
    StatementResult run(List<Object> parameters);
  }
}
