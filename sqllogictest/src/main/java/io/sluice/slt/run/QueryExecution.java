package io.sluice.slt.run;

import io.sluice.slt.script.QueryRecord;
import io.sluice.slt.script.StatementRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the runner obtains the rows of a query record: as an ad-hoc SELECT (batch) or from a
 * materialized view kept up to date while the script ran (incremental). An execution may follow
 * the script: it hears of the queries to come and of every statement.
 */
public interface QueryExecution {

  /**
   * The query's values, formatted by the record's type letters, row after row in the order the
   * database returned them.
   *
   * @throws SQLException if the database reports an error
   * @throws ResultShapeException if the result does not have the columns the record declares,
   *     or (incremental) the view's rows differ from the query's
   */
  List<String> run(Connection connection, QueryRecord query)
      throws SQLException, ResultShapeException;

  /** The execution for one script: this one if it keeps no state between records. */
  default QueryExecution forScript() {
    return this;
  }

  /** Before the first record: the queries of the script that will run, in order. */
  default void begin(Connection connection, List<QueryRecord> queries) {}

  /**
   * Before the first record: the queries and the statements of the script that will run, in
   * order. By default {@link #begin(Connection, List)}.
   */
  default void begin(Connection connection, List<QueryRecord> queries,
      List<StatementRecord> statements) {
    begin(connection, queries);
  }

  /** Before a statement record runs. */
  default void beforeStatement(Connection connection, StatementRecord statement) {}

  /** After a statement record ran, whether it succeeded or not. */
  default void afterStatement(Connection connection, StatementRecord statement) {}

  /** After the last record: drops whatever the execution created. */
  default void end(Connection connection) {}
}
