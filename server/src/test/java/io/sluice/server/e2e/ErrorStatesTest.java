package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.count;
import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that each kind of error reaches a remote client with its standard SQLSTATE and a
 * message naming what went wrong (syntax errors with line and column), and that an error
 * harms nothing: the failing connection, a bystander connection opened earlier and a new
 * connection all keep working against the same server process.
 */
@ExtendWith(SharedServer.class)
class ErrorStatesTest {
  private static ServerProcess server;
  private static Connection conn;
  private static Connection bystander;

  @BeforeAll
  static void setUp(ServerProcess s) throws SQLException {
    server = s;
    conn = server.connect();
    bystander = server.connect();
    update(conn, "CREATE TABLE er_t (id INTEGER PRIMARY KEY, name VARCHAR(5) NOT NULL,"
        + " v INTEGER)");
    update(conn, "INSERT INTO er_t VALUES (1, 'one', 10), (2, 'two', 20)");
    update(conn, "CREATE VIEW er_view AS SELECT id, name FROM er_t WHERE v > 10");
  }

  @AfterAll
  static void close() throws SQLException {
    if (conn != null) {
      conn.close();
    }
    if (bystander != null) {
      bystander.close();
    }
  }

  /** After each error: the same connection, the bystander and a new connection all work. */
  @AfterEach
  void serverKeepsServing() throws SQLException {
    assertTrue(server.isRunning(), "the server process died\n" + server.log());
    assertEquals(2, count(conn, "SELECT COUNT(*) FROM er_t WHERE id IN (1, 2)"));
    assertEquals(1, count(bystander, "SELECT COUNT(*) FROM er_view WHERE id IN (1, 2)"));
    try (Connection fresh = server.connect()) {
      assertEquals(2, count(fresh, "SELECT COUNT(*) FROM er_t WHERE id IN (1, 2)"));
    }
  }

  /** Expects {@code state} with a message containing every one of {@code parts}. */
  private static SQLException fails(String state, String sql, String... parts) {
    SQLException e = expectError(conn, state, sql);
    String message = String.valueOf(e.getMessage());
    for (String part : parts) {
      assertTrue(message.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)),
          "the message of SQLSTATE " + state + " should mention '" + part + "': " + message);
    }
    assertFalse(message.contains("Exception:") || message.contains("\tat "),
        "the message should be for people, not a stack trace: " + message);
    return e;
  }

  @Test
  void syntaxErrorIn42601WithLineAndColumn() {
    fails("42601", "SELECT id\n  FROM er_t\n WHERE id = 1 1", "line 3", "column 15");
    fails("42601", "\n\n  SELEKT id FROM er_t", "line 3", "column 3");
  }

  @Test
  void unknownTableIs42P01() {
    fails("42P01", "SELECT * FROM er_nosuch", "er_nosuch");
    fails("42P01", "INSERT INTO er_nosuch VALUES (1)", "er_nosuch");
    fails("42P01", "DROP TABLE er_nosuch", "er_nosuch");
  }

  @Test
  void aQuotedNameInTheWrongCaseIs42P01WithTheRightSpelling() {
    fails("42P01", "SELECT * FROM \"ER_T\"", "ER_T", "did you mean 'er_t'");
    fails("42P01", "SELECT * FROM er_t, \"Er_T\"", "Er_T", "did you mean 'er_t'");
  }

  @Test
  void unknownColumnIs42703() {
    fails("42703", "SELECT nosuchcol FROM er_t", "nosuchcol");
    fails("42703", "UPDATE er_t SET nosuchcol = 1", "nosuchcol");
  }

  @Test
  void anOutputAliasInHavingIsAnUnknownColumn() {
    // PostgreSQL resolves HAVING against the FROM clause only.
    fails("42703", "SELECT COUNT(*) AS howmany FROM er_t HAVING howmany > 0", "howmany");
  }

  @Test
  void aWindowFrameSluiceCannotRunIsRefusedAndNothingIsCreated() throws SQLException {
    fails("0A000", "SELECT id, SUM(id) OVER (ORDER BY id RANGE BETWEEN 2 PRECEDING AND CURRENT"
        + " ROW) FROM er_t", "RANGE frames with an offset");
    fails("0A000", "CREATE MATERIALIZED VIEW er_ranked AS SELECT id, SUM(id) OVER (ORDER BY id"
        + " RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM er_t", "RANGE frames with an offset");
    fails("42P01", "SELECT * FROM er_ranked", "er_ranked");
    fails("22014", "SELECT id, NTILE(0) OVER (ORDER BY id) FROM er_t", "ntile");
    fails("22016", "SELECT id, NTH_VALUE(id, 0) OVER (ORDER BY id) FROM er_t", "nth_value");
  }

  @Test
  void unknownColumnIs42703AlreadyWhenPreparing() {
    SQLException e = assertThrows(SQLException.class,
        () -> conn.prepareStatement("SELECT id FROM er_t WHERE nosuchcol = ?"));
    assertEquals("42703", e.getSQLState(), e.getMessage());
  }

  @Test
  void typeMismatchIs42804() {
    fails("42804", "SELECT id FROM er_t WHERE id = DATE '2020-01-01'");
    fails("42804", "SELECT TRUE + 1");
  }

  @Test
  void duplicateKeyIs23505() {
    fails("23505", "INSERT INTO er_t VALUES (1, 'dup', 0)", "er_t", "1");
  }

  @Test
  void divisionByZeroIs22012() {
    fails("22012", "SELECT v / 0 FROM er_t", "division by zero");
    fails("22012", "SELECT id FROM er_t WHERE 1 / (id - id) > 0", "division by zero");
  }

  @Test
  void notNullViolationIs23502() {
    fails("23502", "INSERT INTO er_t (id, v) VALUES (5, 1)", "name");
    fails("23502", "UPDATE er_t SET name = NULL WHERE id = 1", "name");
  }

  @Test
  void valueTooLongIs22001() {
    fails("22001", "INSERT INTO er_t VALUES (6, 'toolong', 1)");
    fails("22001", "UPDATE er_t SET name = 'toolong' WHERE id = 1");
  }

  @Test
  void droppingATableAViewReadsIs2BP01() throws SQLException {
    fails("2BP01", "DROP TABLE er_t", "er_view");
    assertEquals(2, count(conn, "SELECT COUNT(*) FROM er_t WHERE id IN (1, 2)"),
        "the table must still exist");
  }
}
