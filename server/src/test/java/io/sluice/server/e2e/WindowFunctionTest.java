package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Window functions: ranking, offsets, frames and aggregates checked against hand-computed and
 * Java-computed answers, ad hoc and in materialized views kept up to date through inserts,
 * updates and deletes.
 */
@ExtendWith(SharedServer.class)
class WindowFunctionTest {
  private static Connection conn;

  @BeforeAll
  static void setUp(Connection connection) throws SQLException {
    conn = connection;
    update(conn, "CREATE TABLE wf_t (id INTEGER PRIMARY KEY, c VARCHAR(5), amt INTEGER,"
        + " d DECIMAL(6, 2))");
    update(conn, "INSERT INTO wf_t VALUES (1, 'ann', 10, 1.50), (2, 'bob', 20, 2.00),"
        + " (3, 'ann', 5, 3.25), (4, 'ann', 10, NULL), (5, 'bob', 7, 1.00), (6, 'cy', NULL, 0.10)");
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return Sql.normalize(query(conn, sql));
  }

  @Test
  void rankingFunctionsNumberEachPartitionInItsOrder() throws SQLException {
    assertEquals(List.of(
            row(1L, 1L, 1L, 1L), row(4L, 2L, 1L, 1L), row(3L, 3L, 3L, 2L),
            row(2L, 1L, 1L, 1L), row(5L, 2L, 2L, 2L), row(6L, 1L, 1L, 1L)),
        rows("SELECT id, ROW_NUMBER() OVER (PARTITION BY c ORDER BY amt DESC, id),"
            + " RANK() OVER (PARTITION BY c ORDER BY amt DESC),"
            + " DENSE_RANK() OVER (PARTITION BY c ORDER BY amt DESC) FROM wf_t"
            + " ORDER BY c, 2"));
    // Over amt ascending, NULLs last: 5, 7, 10, 10, 20, NULL.
    assertEquals(List.of(
            row(1L, 1L, 0.4, 4.0 / 6), row(2L, 1L, 0.8, 5.0 / 6), row(3L, 2L, 0.0, 1.0 / 6),
            row(4L, 2L, 0.4, 4.0 / 6), row(5L, 3L, 0.2, 2.0 / 6), row(6L, 4L, 1.0, 1.0)),
        rows("SELECT id, NTILE(4) OVER (ORDER BY id), PERCENT_RANK() OVER (ORDER BY amt),"
            + " CUME_DIST() OVER (ORDER BY amt) FROM wf_t ORDER BY id"));
  }

  @Test
  void offsetAndValueFunctionsReadOtherRowsOfThePartition() throws SQLException {
    assertEquals(List.of(
            row(1L, null, 5L, 1L, 4L, 5L), row(2L, 10L, 10L, 2L, 5L, 7L),
            row(3L, 20L, 7L, 1L, 4L, 5L), row(4L, 5L, null, 1L, 4L, 5L),
            row(5L, 10L, -1L, 2L, 5L, 7L), row(6L, 7L, -1L, 6L, 6L, null)),
        rows("SELECT id, LAG(amt) OVER (ORDER BY id), LEAD(amt, 2, -1) OVER (ORDER BY id),"
            + " FIRST_VALUE(id) OVER (PARTITION BY c ORDER BY id),"
            + " LAST_VALUE(id) OVER (PARTITION BY c ORDER BY id ROWS BETWEEN UNBOUNDED"
            + " PRECEDING AND UNBOUNDED FOLLOWING),"
            + " NTH_VALUE(amt, 2) OVER (PARTITION BY c ORDER BY id ROWS BETWEEN UNBOUNDED"
            + " PRECEDING AND UNBOUNDED FOLLOWING) FROM wf_t ORDER BY id"));
  }

  @Test
  void aggregatesSeeTheirFrame() throws SQLException {
    // AVG of an INTEGER is an INTEGER. The default frame with ORDER BY ends at the row's last
    // peer: ids 1 and 4 tie on amt, so both see 5 + 10 + 10.
    assertEquals(List.of(
            row(1L, 10L, 6L, 8L, 10L, dec("1.5"), 25L), row(2L, 30L, 6L, 13L, 5L, dec("2"), 27L),
            row(3L, 35L, 6L, 8L, 5L, dec("4.75"), 5L), row(4L, 45L, 6L, 8L, 5L, dec("4.75"), 25L),
            row(5L, 52L, 6L, 13L, 7L, dec("3"), 7L), row(6L, 52L, 6L, null, 7L, dec("0.1"), null)),
        rows("SELECT id, SUM(amt) OVER (ORDER BY id), COUNT(*) OVER (),"
            + " AVG(amt) OVER (PARTITION BY c), MIN(amt) OVER (ORDER BY id ROWS BETWEEN"
            + " 1 PRECEDING AND 1 FOLLOWING), SUM(d) OVER (PARTITION BY c ORDER BY id),"
            + " SUM(amt) OVER (PARTITION BY c ORDER BY amt) FROM wf_t"
            + " ORDER BY id"));
  }

  private static java.math.BigDecimal dec(String s) {
    return new java.math.BigDecimal(s);
  }

  /** A random table, changed at random; views over it must always match Java's answers. */
  @Test
  void viewsFollowRandomChangesAndMatchAnIndependentComputation() throws SQLException {
    update(conn, "CREATE TABLE wf_r (id INTEGER PRIMARY KEY, g INTEGER, v INTEGER)");
    update(conn, "CREATE MATERIALIZED VIEW wf_top2 AS SELECT g, id, v FROM (SELECT g, id, v,"
        + " ROW_NUMBER() OVER (PARTITION BY g ORDER BY v DESC, id) AS rn FROM wf_r) t"
        + " WHERE rn <= 2");
    update(conn, "CREATE MATERIALIZED VIEW wf_stats AS SELECT id, RANK() OVER (PARTITION BY g"
        + " ORDER BY v) AS r, SUM(v) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 2 PRECEDING"
        + " AND CURRENT ROW) AS s3, LAG(v) OVER (ORDER BY id) AS lv FROM wf_r");
    Random rnd = new Random(42);
    Map<Integer, int[]> table = new HashMap<>();
    for (int step = 0; step < 12; step++) {
      for (int k = 0; k < 15; k++) {
        int id = rnd.nextInt(60);
        int g = rnd.nextInt(4);
        int v = rnd.nextInt(10);
        if (table.containsKey(id) && rnd.nextInt(3) == 0) {
          update(conn, "DELETE FROM wf_r WHERE id = " + id);
          table.remove(id);
        } else if (table.containsKey(id)) {
          update(conn, "UPDATE wf_r SET g = " + g + ", v = " + v + " WHERE id = " + id);
          table.put(id, new int[] {g, v});
        } else {
          update(conn, "INSERT INTO wf_r VALUES (" + id + ", " + g + ", " + v + ")");
          table.put(id, new int[] {g, v});
        }
      }
      assertEquals(top2(table), rows("SELECT g, id, v FROM wf_top2 ORDER BY g, id"),
          "top 2 per group after step " + step);
      assertEquals(stats(table), rows("SELECT id, r, s3, lv FROM wf_stats ORDER BY id"),
          "ranks, sums and lags after step " + step);
    }
    update(conn, "DROP MATERIALIZED VIEW wf_stats");
    update(conn, "DROP MATERIALIZED VIEW wf_top2");
  }

  private static List<List<Object>> top2(Map<Integer, int[]> table) {
    List<List<Object>> out = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      final int group = g;
      table.entrySet().stream().filter(e -> e.getValue()[0] == group)
          .sorted(Comparator.<Map.Entry<Integer, int[]>>comparingInt(e -> -e.getValue()[1])
              .thenComparingInt(Map.Entry::getKey))
          .limit(2).map(e -> row((long) group, (long) e.getKey(), (long) e.getValue()[1]))
          .sorted(Comparator.comparingLong(r -> (Long) r.get(1)))
          .forEach(out::add);
    }
    return out;
  }

  private static List<List<Object>> stats(Map<Integer, int[]> table) {
    List<Integer> ids = table.keySet().stream().sorted().toList();
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      int[] r = table.get(id);
      long rank = 1 + table.values().stream().filter(o -> o[0] == r[0] && o[1] < r[1]).count();
      List<Integer> before = ids.stream().filter(o -> o <= id && table.get(o)[0] == r[0])
          .toList();
      long s3 = 0;
      for (int j = Math.max(0, before.size() - 3); j < before.size(); j++) {
        s3 += table.get(before.get(j))[1];
      }
      Object lag = i == 0 ? null : (Object) (long) table.get(ids.get(i - 1))[1];
      out.add(row((long) id, rank, s3, lag));
    }
    return out;
  }
}
