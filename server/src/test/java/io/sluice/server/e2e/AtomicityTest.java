package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that every statement is atomic through the remote driver: a multi-row INSERT, an
 * INSERT ... SELECT, an executeBatch, an UPDATE or a DELETE that fails on one row (duplicate
 * primary key, NULL in a NOT NULL column, a string longer than its VARCHAR, a division by
 * zero) changes nothing at all, and the same rows without the bad one can be written
 * afterwards.
 */
@ExtendWith(SharedServer.class)
class AtomicityTest {
  private static Connection conn;
  private static int tables;

  @BeforeAll
  static void connect(Connection connection) {
    conn = connection;
  }

  /** A new table (id, name VARCHAR(5) NOT NULL, v) holding rows 1, 2 and 3. */
  private static String freshTable() throws SQLException {
    String name = "at_t" + (++tables);
    update(conn, "CREATE TABLE " + name
        + " (id INTEGER PRIMARY KEY, name VARCHAR(5) NOT NULL, v INTEGER)");
    update(conn, "INSERT INTO " + name + " VALUES (1, 'one', 10), (2, 'two', 20),"
        + " (3, 'three', 30)");
    return name;
  }

  private static List<List<Object>> contents(String table) throws SQLException {
    return query(conn, "SELECT id, name, v FROM " + table + " ORDER BY id");
  }

  /** Runs {@code sql}, expects {@code state}, and checks the table did not change. */
  private static void failsAndChangesNothing(String table, String state, String sql)
      throws SQLException {
    List<List<Object>> before = contents(table);
    expectError(conn, state, sql);
    assertEquals(before, contents(table), "a failed statement must change nothing: " + sql);
  }

  @Test
  void multiRowInsertWithAnExistingKeyInsertsNothing() throws SQLException {
    String t = freshTable();
    failsAndChangesNothing(t, "23505",
        "INSERT INTO " + t + " VALUES (10, 'a', 1), (11, 'b', 2), (2, 'dup', 3), (12, 'c', 4)");
    assertEquals(3, update(conn, "INSERT INTO " + t
        + " VALUES (10, 'a', 1), (11, 'b', 2), (12, 'c', 4)"));
  }

  @Test
  void multiRowInsertRepeatingAKeyInsertsNothing() throws SQLException {
    String t = freshTable();
    failsAndChangesNothing(t, "23505",
        "INSERT INTO " + t + " VALUES (20, 'a', 1), (21, 'b', 2), (20, 'again', 3)");
    assertEquals(2, update(conn, "INSERT INTO " + t + " VALUES (20, 'a', 1), (21, 'b', 2)"));
  }

  @Test
  void multiRowInsertWithANullInANotNullColumnInsertsNothing() throws SQLException {
    String t = freshTable();
    failsAndChangesNothing(t, "23502",
        "INSERT INTO " + t + " VALUES (30, 'a', 1), (31, NULL, 2), (32, 'c', 3)");
    update(conn, "CREATE TABLE " + t + "_src (id INTEGER, name VARCHAR(5))");
    update(conn, "INSERT INTO " + t + "_src VALUES (40, 'x'), (41, NULL), (42, 'z')");
    failsAndChangesNothing(t, "23502",
        "INSERT INTO " + t + " (id, name) SELECT id, name FROM " + t + "_src");
    assertEquals(2, update(conn, "INSERT INTO " + t + " (id, name) SELECT id, name FROM "
        + t + "_src WHERE name IS NOT NULL"));
  }

  @Test
  void multiRowInsertWithATooLongStringInsertsNothing() throws SQLException {
    String t = freshTable();
    failsAndChangesNothing(t, "22001",
        "INSERT INTO " + t + " VALUES (50, 'a', 1), (51, 'sixsix', 2), (52, 'c', 3)");
    update(conn, "CREATE TABLE " + t + "_src (id INTEGER, name VARCHAR(20))");
    update(conn, "INSERT INTO " + t + "_src VALUES (60, 'fits'), (61, 'does not fit')");
    failsAndChangesNothing(t, "22001",
        "INSERT INTO " + t + " (id, name) SELECT id, name FROM " + t + "_src");
  }

  /**
   * Runs a batch of 20 rows (100 + i, 'n' + i, i) in which row {@code badIndex} gets the
   * offending values {@code bad} binds; expects the batch to fail with {@code state} and
   * insert nothing, then inserts the 19 good rows.
   */
  private static void batchFails(String table, String state, int badIndex,
      BadRow bad) throws SQLException {
    List<List<Object>> before = contents(table);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table
        + " VALUES (?, ?, ?)")) {
      for (int i = 0; i < 20; i++) {
        ps.setInt(1, 100 + i);
        ps.setString(2, "n" + i);
        ps.setInt(3, i);
        if (i == badIndex) {
          bad.bind(ps);
        }
        ps.addBatch();
      }
      SQLException e = assertThrows(SQLException.class, ps::executeBatch);
      assertEquals(state, sqlState(e), "SQLSTATE of the failed batch: " + e);
    }
    assertEquals(before, contents(table), "a failed batch must insert nothing");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table
        + " VALUES (?, ?, ?)")) {
      for (int i = 0; i < 20; i++) {
        if (i != badIndex) {
          ps.setInt(1, 100 + i);
          ps.setString(2, "n" + i);
          ps.setInt(3, i);
          ps.addBatch();
        }
      }
      assertEquals(19, ps.executeBatch().length);
    }
    assertEquals(19, Sql.count(conn, "SELECT COUNT(*) FROM " + table + " WHERE id >= 100"));
  }

  /** The SQLSTATE of an error or, when it has none, of the first chained error that has. */
  private static String sqlState(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return e.getNextException() == null ? null : e.getNextException().getSQLState();
  }

  /** Binds the offending values of one batch row. */
  interface BadRow {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @Test
  void executeBatchWithADuplicateKeyInsertsNothing() throws SQLException {
    String t = freshTable();
    batchFails(t, "23505", 13, ps -> ps.setInt(1, 2));
  }

  @Test
  void executeBatchWithANullInANotNullColumnInsertsNothing() throws SQLException {
    String t = freshTable();
    batchFails(t, "23502", 7, ps -> ps.setNull(2, java.sql.Types.VARCHAR));
  }

  @Test
  void executeBatchWithATooLongStringInsertsNothing() throws SQLException {
    String t = freshTable();
    batchFails(t, "22001", 19, ps -> ps.setString(2, "too long"));
  }

  @Test
  void aFailedBatchThrowsBatchUpdateExceptionReportingWhatWasApplied() throws SQLException {
    String t = freshTable();
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?)")) {
      for (int id : new int[] {200, 201, 1, 202}) {
        ps.setInt(1, id);
        ps.setString(2, "b" + id);
        ps.setInt(3, 0);
        ps.addBatch();
      }
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch,
          "JDBC reports a failed batch as a BatchUpdateException");
      for (int count : e.getUpdateCounts()) {
        assertTrue(count == Statement.EXECUTE_FAILED || count == 0,
            "the batch inserted nothing, so no count may say otherwise: "
                + Arrays.toString(e.getUpdateCounts()));
      }
    }
    // A batch of UPDATEs that fails on its second command: whatever was applied must be
    // what the exception's update counts say.
    List<List<Object>> before = contents(t);
    try (PreparedStatement ps = conn.prepareStatement("UPDATE " + t
        + " SET v = 100 / ? WHERE id = ?")) {
      int[][] params = {{1, 1}, {0, 2}, {2, 3}};
      for (int[] p : params) {
        ps.setInt(1, p[0]);
        ps.setInt(2, p[1]);
        ps.addBatch();
      }
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      int[] counts = e.getUpdateCounts();
      List<List<Object>> expected = new ArrayList<>();
      for (List<Object> r : before) {
        int id = (Integer) r.get(0);
        // A command that ran reports its count, or SUCCESS_NO_INFO when the count is unknown.
        boolean applied = id <= counts.length
            && (counts[id - 1] == 1 || counts[id - 1] == Statement.SUCCESS_NO_INFO);
        expected.add(applied ? Arrays.asList(id, r.get(1), 100 / params[id - 1][0]) : r);
      }
      assertEquals(expected, contents(t), "rows against the update counts "
          + Arrays.toString(counts));
    }
  }

  @Test
  void turningAutocommitOffIsRefusedOrHonoured() throws SQLException {
    String t = freshTable();
    List<List<Object>> before = contents(t);
    try {
      conn.setAutoCommit(false);
    } catch (SQLException refused) {
      return; // Refusing transactions up front is honest.
    }
    try {
      update(conn, "INSERT INTO " + t + " VALUES (300, 'tx', 0)");
      conn.rollback();
      assertEquals(before, contents(t), "a rolled-back INSERT must leave no row");
    } finally {
      try {
        conn.setAutoCommit(true);
      } catch (SQLException e) {
        // Back to the default for the other tests, if possible.
      }
    }
  }

  @Test
  void updateFailingOnOneRowChangesNothing() throws SQLException {
    String t = freshTable();
    failsAndChangesNothing(t, "22012", "UPDATE " + t + " SET v = 100 / (id - 2)");
    failsAndChangesNothing(t, "23505", "UPDATE " + t + " SET id = 1 WHERE id >= 2");
    failsAndChangesNothing(t, "23502",
        "UPDATE " + t + " SET name = CASE WHEN id = 3 THEN NULL ELSE 'x' END");
    assertEquals(3, update(conn, "UPDATE " + t + " SET v = v + 1"));
  }

  @Test
  void deleteFailingOnOneRowDeletesNothing() throws SQLException {
    String t = freshTable();
    failsAndChangesNothing(t, "22012", "DELETE FROM " + t + " WHERE 100 / (id - 3) < 0");
    assertEquals(2, update(conn, "DELETE FROM " + t + " WHERE id < 3"));
  }
}
