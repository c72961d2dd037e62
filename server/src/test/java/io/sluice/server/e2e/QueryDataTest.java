package io.sluice.server.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class over {@link QueryData} on the shared server: the data is loaded before its
 * first test, and {@link #check} and {@link #checkUnordered} run queries on the class's own
 * connection.
 */
@ExtendWith(SharedServer.class)
abstract class QueryDataTest {
  /** The class's connection, open while its tests run. */
  static Connection conn;

  @BeforeAll
  static void load(Connection connection) throws SQLException {
    conn = connection;
    QueryData.loadOnce(connection);
  }

  static void check(String sql, List<List<Object>> expected) throws SQLException {
    QueryData.check(conn, sql, expected);
  }

  static void checkUnordered(String sql, List<List<Object>> expected) throws SQLException {
    QueryData.checkUnordered(conn, sql, expected);
  }
}
