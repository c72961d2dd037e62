package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.and;
import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.or;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AND and OR stop at the operand that decides them, as in PostgreSQL: a guard in front of a
 * division keeps it from dividing by zero, ad hoc, in a materialized view and in a join, and the
 * three-valued answers are unchanged.
 */
@ExtendWith(SharedServer.class)
class ShortCircuitTest {
  private static Connection conn;

  @BeforeAll
  static void setUp(Connection connection) throws SQLException {
    conn = connection;
    // p = x > 0 is TRUE, FALSE or NULL; q = 100 / d > 10 is TRUE (d = 5), FALSE (d = 50) or
    // NULL; every pair of the two, and rows whose d is 0.
    update(conn, "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, x INTEGER, d INTEGER)");
    StringBuilder values = new StringBuilder();
    int id = 0;
    for (String x : List.of("1", "-1", "NULL")) {
      for (String d : List.of("5", "50", "NULL", "0")) {
        values.append(values.length() == 0 ? "" : ", ")
            .append('(').append(++id).append(", ").append(x).append(", ").append(d).append(')');
      }
    }
    update(conn, "INSERT INTO sc_t VALUES " + values);
  }

  private static List<List<Object>> ids(String sql) throws SQLException {
    return Sql.normalize(query(conn, sql));
  }

  @Test
  void aGuardBeforeADivisionKeepsItFromDividingByZero() throws SQLException {
    assertEquals(List.of(row(1L), row(5L), row(9L)),
        ids("SELECT id FROM sc_t WHERE d <> 0 AND 100 / d > 10 ORDER BY id"));
    assertEquals(List.of(row(1L), row(4L), row(5L), row(8L), row(9L), row(12L)),
        ids("SELECT id FROM sc_t WHERE d = 0 OR 100 / d > 10 ORDER BY id"));
    // BETWEEN is an AND of two comparisons, NOT BETWEEN an OR: the lower bound decides first.
    assertEquals(List.of(row(2L), row(4L), row(6L), row(8L), row(10L), row(12L)),
        ids("SELECT id FROM sc_t WHERE NOT d BETWEEN 1 AND 1000 / d ORDER BY id"));
    // In a select list, and with the guard in a later operand of a longer chain.
    assertEquals(List.of(row(1L, true), row(2L, false), row(3L, null), row(4L, false)),
        ids("SELECT id, x > 0 AND d <> 0 AND 100 / d > 10 FROM sc_t WHERE id <= 4 ORDER BY id"));
  }

  @Test
  void anOperandThatDoesNotDecideIsStillEvaluated() {
    // TRUE AND ..., FALSE OR ... and NULL AND ... all need their next operand.
    expectError(conn, "22012", "SELECT id FROM sc_t WHERE d = 0 AND 100 / d > 10");
    expectError(conn, "22012", "SELECT id FROM sc_t WHERE d <> 0 OR 100 / d > 10");
    expectError(conn, "22012", "SELECT id FROM sc_t WHERE id = 12 AND x > 0 AND 100 / d > 10");
  }

  @Test
  void threeValuedResultsAreUnchanged() throws SQLException {
    List<List<Object>> want = new ArrayList<>();
    for (List<Object> r : ids("SELECT id, x, d FROM sc_t WHERE d IS NULL OR d <> 0 ORDER BY id")) {
      Boolean p = r.get(1) == null ? null : (Long) r.get(1) > 0;
      Boolean q = r.get(2) == null ? null : 100 / (Long) r.get(2) > 10;
      want.add(Arrays.asList(r.get(0), and(p, q), or(p, q), and(q, p), or(q, p),
          and(and(p, q), or(q, p))));
    }
    String sql = "SELECT id, x > 0 AND 100 / d > 10, x > 0 OR 100 / d > 10,"
        + " 100 / d > 10 AND x > 0, 100 / d > 10 OR x > 0,"
        + " x > 0 AND 100 / d > 10 AND (100 / d > 10 OR x > 0)"
        + " FROM sc_t WHERE d IS NULL OR d <> 0 ORDER BY id";
    assertEquals(want, ids(sql));
    assertEquals(want.stream().filter(r -> Boolean.TRUE.equals(r.get(1))).map(r -> r.get(0))
            .map(Sql::row).toList(),
        ids("SELECT id FROM sc_t WHERE (d IS NULL OR d <> 0) AND x > 0 AND 100 / d > 10"
            + " ORDER BY id"));
  }

  @Test
  void aMaterializedViewAndAJoinGuardTheirDivisionsToo() throws SQLException {
    update(conn, "CREATE TABLE sc_v (id INTEGER PRIMARY KEY, d INTEGER)");
    update(conn, "CREATE MATERIALIZED VIEW sc_guarded AS SELECT id, d <> 0 AND 100 / d > 10 AS big"
        + " FROM sc_v WHERE d = 0 OR 100 / d > 1");
    update(conn, "INSERT INTO sc_v VALUES (1, 5), (2, 0), (3, 500), (4, NULL)");
    update(conn, "UPDATE sc_v SET d = 0 WHERE id = 3");
    assertEquals(List.of(row(1L, true), row(2L, false), row(3L, false)),
        ids("SELECT id, big FROM sc_guarded ORDER BY id"));
    // A condition over both sides, which stays in the join.
    assertEquals(List.of(row(1L, 1L), row(4L, 1L), row(5L, 1L), row(8L, 1L), row(9L, 1L),
            row(12L, 1L)),
        ids("SELECT a.id, b.id FROM sc_t a JOIN sc_t b ON b.id = 1"
            + " AND (a.d = 0 OR 100 / a.d > b.x * 10) ORDER BY a.id, b.id"));
    update(conn, "DROP MATERIALIZED VIEW sc_guarded");
  }
}
