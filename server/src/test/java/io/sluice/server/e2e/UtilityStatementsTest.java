package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.count;
import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the statements around queries work through the remote driver: SHOW TABLES/VIEWS,
 * DESCRIBE, the {@code sys} tables, EXPLAIN (which plans without running: an explained INSERT
 * inserts nothing), views that always show their base tables' current rows, SET/SHOW/RESET of
 * the session time zone that CURRENT_TIMESTAMP follows, and a sample of built-in string, date
 * and numeric functions checked against Java.
 */
@ExtendWith(SharedServer.class)
class UtilityStatementsTest {
  private static Connection conn;

  @BeforeAll
  static void setUp(Connection connection) throws SQLException {
    conn = connection;
    update(conn, "CREATE TABLE ut_emp (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL,"
        + " dept INTEGER)");
    update(conn, "INSERT INTO ut_emp VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'cy', 10)");
    update(conn, "CREATE VIEW ut_dept10 AS SELECT id, name FROM ut_emp WHERE dept = 10");
  }

  private static List<Object> firstColumn(String sql) throws SQLException {
    return query(conn, sql).stream().map(r -> r.get(0)).toList();
  }

  @Test
  void showTablesAndViews() throws SQLException {
    List<Object> tables = firstColumn("SHOW TABLES");
    assertTrue(tables.contains("ut_emp") && !tables.contains("ut_dept10"), tables.toString());
    List<Object> views = firstColumn("SHOW VIEWS");
    assertTrue(views.contains("ut_dept10") && !views.contains("ut_emp"), views.toString());
  }

  @Test
  void describeListsColumnsTypesNullabilityAndKey() throws SQLException {
    assertEquals(List.of(
            row("id", "INTEGER", false, true, null),
            row("name", "VARCHAR(20)", false, false, null),
            row("dept", "INTEGER", true, false, null)),
        query(conn, "DESCRIBE ut_emp"));
    assertEquals(List.of("id", "name"), firstColumn("DESCRIBE ut_dept10"));
  }

  @Test
  void systemTablesDescribeTheCatalog() throws SQLException {
    assertEquals(List.of(row("public", "ut_dept10", "VIEW"), row("public", "ut_emp", "TABLE")),
        query(conn, "SELECT table_schema, table_name, table_type FROM sys.tables"
            + " WHERE table_name LIKE 'ut\\_%' ESCAPE '\\' ORDER BY table_name"));
    assertEquals(List.of(row("id", 1), row("name", 2), row("dept", 3)),
        query(conn, "SELECT column_name, ordinal_position FROM sys.columns"
            + " WHERE table_name = 'ut_emp' ORDER BY ordinal_position"));
    List<Object> definition = firstColumn(
        "SELECT definition FROM sys.views WHERE table_name = 'ut_dept10'");
    assertEquals(1, definition.size());
    assertTrue(((String) definition.get(0)).contains("ut_emp"), definition.toString());
  }

  @Test
  void explainPlansWithoutRunning() throws SQLException {
    List<Object> plan = firstColumn("EXPLAIN SELECT name FROM ut_emp WHERE id = 2");
    assertFalse(plan.isEmpty());
    assertTrue(plan.stream().anyMatch(line -> ((String) line).contains("ut_emp")),
        "the plan reads ut_emp: " + plan);
    List<Object> insert = firstColumn("EXPLAIN INSERT INTO ut_emp VALUES (99, 'zed', 1)");
    assertFalse(insert.isEmpty());
    assertEquals(0, count(conn, "SELECT COUNT(*) FROM ut_emp WHERE id = 99"),
        "EXPLAIN must not run the INSERT");
  }

  @Test
  void viewsShowTheCurrentRowsOfTheirTables() throws SQLException {
    update(conn, "CREATE TABLE ut_live (id INTEGER PRIMARY KEY, v INTEGER)");
    update(conn, "CREATE VIEW ut_live_big AS SELECT id, v * 10 AS v10 FROM ut_live WHERE v > 1");
    assertEquals(List.of(), query(conn, "SELECT * FROM ut_live_big"));
    update(conn, "INSERT INTO ut_live VALUES (1, 1), (2, 2), (3, 3)");
    assertEquals(List.of(row(2, 20), row(3, 30)),
        query(conn, "SELECT id, v10 FROM ut_live_big ORDER BY id"));
    update(conn, "UPDATE ut_live SET v = 5 WHERE id = 1");
    update(conn, "DELETE FROM ut_live WHERE id = 3");
    assertEquals(List.of(row(1, 50), row(2, 20)),
        query(conn, "SELECT id, v10 FROM ut_live_big ORDER BY id"));
    expectError(conn, "2BP01", "DROP TABLE ut_live");
    update(conn, "DROP VIEW ut_live_big");
    update(conn, "DROP TABLE ut_live");
    expectError(conn, "42P01", "SELECT * FROM ut_live");
  }

  /** LOCALTIMESTAMP as the server computes it, read back as a local date-time. */
  private static LocalDateTime serverNow() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT LOCALTIMESTAMP, CURRENT_TIMESTAMP")) {
      assertTrue(rs.next());
      LocalDateTime local = rs.getTimestamp(1).toLocalDateTime();
      LocalDateTime current = rs.getTimestamp(2).toLocalDateTime();
      assertTrue(Duration.between(local, current).abs().toSeconds() < 1, local + " " + current);
      return local;
    }
  }

  private static void assertNear(LocalDateTime expected, LocalDateTime actual) {
    assertTrue(Duration.between(expected, actual).abs().toSeconds() < 30,
        "expected about " + expected + " but the server said " + actual);
  }

  @Test
  void sessionTimeZoneDrivesCurrentTimestamp() throws SQLException {
    String original = (String) query(conn, "SHOW time_zone").get(0).get(0);
    try {
      update(conn, "SET time_zone = 'UTC'");
      assertEquals("UTC", query(conn, "SHOW time_zone").get(0).get(0));
      assertNear(LocalDateTime.now(ZoneId.of("UTC")), serverNow());
      update(conn, "SET time_zone = 'Asia/Kolkata'");
      assertNear(LocalDateTime.now(ZoneId.of("Asia/Kolkata")), serverNow());
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
      Object date = query(conn, "SELECT CURRENT_DATE").get(0).get(0);
      assertTrue(List.of(today, today.minusDays(1), today.plusDays(1))
          .contains(((java.sql.Date) date).toLocalDate()), String.valueOf(date));
      expectError(conn, "22023", "SET time_zone = 'Mars/Olympus'");
      update(conn, "RESET time_zone");
      assertEquals(original, query(conn, "SHOW time_zone").get(0).get(0));
    } finally {
      update(conn, "RESET time_zone");
    }
  }

  @Test
  void builtInFunctionsAgreeWithJava() throws SQLException {
    String s = "Hello, World";
    assertEquals(List.of(row(s + "!", s.toUpperCase(), s.toLowerCase(), s.substring(1, 4),
            s.length(), "x", s.indexOf("World") + 1, s.replace("l", "L"))),
        query(conn, "SELECT s || '!', UPPER(s), LOWER(s), SUBSTRING(s FROM 2 FOR 3),"
            + " CHAR_LENGTH(s), TRIM('  x  '), POSITION('World' IN s), REPLACE(s, 'l', 'L')"
            + " FROM (VALUES ('" + s + "')) AS t(s)"));
    LocalDate d = LocalDate.of(2024, 2, 28);
    List<Object> dates = query(conn, "SELECT EXTRACT(YEAR FROM DATE '2024-02-28'),"
        + " DATE '2024-02-28' + INTERVAL '1' DAY, DATE '2024-02-28' + INTERVAL '2' DAY,"
        + " CAST('2024-02-28' AS DATE)").get(0);
    assertEquals(2024L, ((Number) dates.get(0)).longValue());
    assertEquals(d.plusDays(1), ((java.sql.Date) dates.get(1)).toLocalDate());
    assertEquals(d.plusDays(2), ((java.sql.Date) dates.get(2)).toLocalDate());
    assertEquals(d, ((java.sql.Date) dates.get(3)).toLocalDate());
    List<Object> numbers = query(conn, "SELECT ABS(-3), MOD(17, 5), POWER(2, 10),"
        + " ROUND(2.567, 2), FLOOR(2.5), CEIL(2.1)").get(0);
    assertEquals(List.of(3L, 2L, 1024.0, new BigDecimal("2.57"), BigDecimal.valueOf(2),
        BigDecimal.valueOf(3)), Sql.normalize(List.of(numbers)).get(0));
  }
}
