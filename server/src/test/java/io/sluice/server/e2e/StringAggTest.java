package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * STRING_AGG and LISTAGG, ad hoc and in materialized views that follow inserts, updates and
 * deletes: order within the call, DISTINCT, per-row separators, NULLs, and no rows at all.
 */
@ExtendWith(SharedServer.class)
class StringAggTest {
  private static Connection conn;

  @BeforeAll
  static void setUp(Connection connection) throws SQLException {
    conn = connection;
    update(conn, "CREATE TABLE sa_t (id INTEGER PRIMARY KEY, g VARCHAR(3) NOT NULL,"
        + " v VARCHAR(4), k INTEGER, sep VARCHAR(2))");
    update(conn, "INSERT INTO sa_t VALUES (1, 'a', 'x', 3, ','), (2, 'a', 'y', 1, '+'),"
        + " (3, 'a', 'z', 2, '-'), (4, 'a', 'y', 4, NULL), (5, 'b', 'w', 1, ','),"
        + " (6, 'b', NULL, 2, ','), (7, 'c', NULL, 1, ',')");
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return Sql.normalize(query(conn, sql));
  }

  @Test
  void joinsTheValuesOfEachGroupInTheOrderAsked() throws SQLException {
    assertEquals(List.of(
            row("a", "y,z,x,y", "y|x|z|y", "x;y;z", "z,y,x", "x,y,y,z"),
            row("b", "w", "w", "w", "w", "w"),
            row("c", null, null, null, null, null)),
        rows("SELECT g, STRING_AGG(v, ',' ORDER BY k), STRING_AGG(v, '|' ORDER BY k DESC),"
            + " STRING_AGG(DISTINCT v, ';'), STRING_AGG(DISTINCT v, ',' ORDER BY v DESC),"
            + " LISTAGG(v) FROM sa_t GROUP BY g ORDER BY g"));
    // LISTAGG's standard spelling of the order.
    assertEquals(List.of(row("a", "y z x y")),
        rows("SELECT g, LISTAGG(v, ' ') WITHIN GROUP (ORDER BY k) FROM sa_t WHERE g = 'a'"
            + " GROUP BY g"));
  }

  @Test
  void eachValueAfterTheFirstFollowsItsOwnRowsSeparator() throws SQLException {
    // In the order of k: y (+), z (-), x (,), y (NULL: no separator).
    assertEquals(List.of(row("y-z,xy")),
        rows("SELECT STRING_AGG(v, sep ORDER BY k) FROM sa_t WHERE g = 'a'"));
  }

  @Test
  void noValuesIsNullEvenOverANotNullColumnAndTheResultIsAnUnboundedVarchar()
      throws SQLException {
    assertEquals(List.of(row(null, true, "-")),
        rows("SELECT STRING_AGG(g, ','), STRING_AGG(g, ',') IS NULL,"
            + " COALESCE(STRING_AGG(g, ','), '-') FROM sa_t WHERE id < 0"));
    try (Statement st = conn.createStatement();
        var rs = st.executeQuery("SELECT STRING_AGG(g, '') FROM sa_t")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(Types.VARCHAR, md.getColumnType(1));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(1));
      rs.next();
      assertEquals("aaaabbc", rs.getString(1)); // longer than the column's VARCHAR(3)
    }
  }

  @Test
  void aPlainViewOfStringAggTypesItTheSameWay() throws SQLException {
    update(conn, "CREATE VIEW sa_pv AS SELECT g, STRING_AGG(g, '' ORDER BY id) AS gs FROM sa_t"
        + " WHERE id > 6 GROUP BY g");
    update(conn, "CREATE MATERIALIZED VIEW sa_pmv AS SELECT COALESCE(MAX(gs), '-') AS m,"
        + " COUNT(*) AS n FROM sa_pv WHERE gs <> 'c'");
    assertEquals(List.of(row("c", "c")), rows("SELECT g, gs FROM sa_pv"));
    assertEquals(List.of(row("-", 0L)), rows("SELECT m, n FROM sa_pmv"));
    update(conn, "DROP MATERIALIZED VIEW sa_pmv");
    update(conn, "DROP VIEW sa_pv");
  }

  @Test
  void aMaterializedViewFollowsChangesAndMatchesTheQueryAdHoc() throws SQLException {
    update(conn, "CREATE TABLE sa_m (id INTEGER PRIMARY KEY, g INTEGER, v VARCHAR(5))");
    String query = "SELECT g, STRING_AGG(v, ',' ORDER BY id DESC) AS vs,"
        + " STRING_AGG(DISTINCT v, '/') AS dv, COUNT(v) AS n FROM sa_m GROUP BY g";
    update(conn, "CREATE MATERIALIZED VIEW sa_mv AS " + query);
    update(conn, "CREATE MATERIALIZED VIEW sa_all AS SELECT COALESCE(STRING_AGG(v, ''"
        + " ORDER BY v), '(none)') AS vs FROM sa_m");
    assertEquals(List.of(row("(none)")), rows("SELECT vs FROM sa_all"));
    update(conn, "INSERT INTO sa_m VALUES (1, 1, 'p'), (2, 1, 'q'), (3, 1, 'p'), (4, 2, 'r'),"
        + " (5, 2, NULL)");
    assertEquals(List.of(row(1L, "p,q,p", "p/q", 3L), row(2L, "r", "r", 1L)),
        rows("SELECT * FROM sa_mv ORDER BY g"));
    update(conn, "UPDATE sa_m SET v = 's' WHERE id = 1");
    update(conn, "DELETE FROM sa_m WHERE id = 4");
    update(conn, "INSERT INTO sa_m VALUES (6, 2, 'p'), (7, 3, 'q')");
    List<List<Object>> want = List.of(row(1L, "p,q,s", "p/q/s", 3L), row(2L, "p", "p", 1L),
        row(3L, "q", "q", 1L));
    assertEquals(want, rows("SELECT * FROM sa_mv ORDER BY g"));
    assertEquals(want, rows(query + " ORDER BY g"));
    assertEquals(List.of(row("ppqqs")), rows("SELECT vs FROM sa_all"));
    update(conn, "DELETE FROM sa_m");
    assertEquals(List.of(), rows("SELECT * FROM sa_mv"));
    assertEquals(List.of(row("(none)")), rows("SELECT vs FROM sa_all"));
    update(conn, "DROP MATERIALIZED VIEW sa_all");
    update(conn, "DROP MATERIALIZED VIEW sa_mv");
  }
}
