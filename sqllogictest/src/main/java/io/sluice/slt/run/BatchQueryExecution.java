package io.sluice.slt.run;

import io.sluice.slt.result.ValueFormatter;
import io.sluice.slt.script.ColumnType;
import io.sluice.slt.script.QueryRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Batch mode: runs the query as an ad-hoc SELECT and reads every row. */
public final class BatchQueryExecution implements QueryExecution {

  @Override
  public List<String> run(Connection connection, QueryRecord query)
      throws SQLException, ResultShapeException {
    return values(connection, query.sql(), query.types());
  }

  /** Runs a SELECT and formats every value of every row by the column types. */
  static List<String> values(Connection connection, String sql, List<ColumnType> types)
      throws SQLException, ResultShapeException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      if (columns != types.size()) {
        // SQLite's runner fails the query here too, before reading any row.
        throw new ResultShapeException("wrong number of result columns: expected "
            + types.size() + " but got " + columns);
      }
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        for (int i = 0; i < columns; i++) {
          values.add(ValueFormatter.format(rows.getObject(i + 1), types.get(i)));
        }
      }
      return values;
    }
  }
}
