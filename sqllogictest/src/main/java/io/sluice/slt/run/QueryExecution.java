package io.sluice.slt.run;

import io.sluice.slt.script.QueryRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How the runner obtains the rows of a query record (batch today, incremental later). */
public interface QueryExecution {

  /**
   * The query's values, formatted by the record's type letters, row after row in the order the
   * database returned them.
   *
   * @throws SQLException if the database reports an error
   * @throws ResultShapeException if the result does not have the columns the record declares
   */
  List<String> run(Connection connection, QueryRecord query)
      throws SQLException, ResultShapeException;
}
