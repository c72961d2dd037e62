package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.count;
import static io.sluice.server.e2e.Sql.normalize;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Materialized views across a clean restart (the database closes when its last embedded
 * connection does, and opens again): each view resumes from its committed state and goes on
 * following changes. And a hundred views over two tables run together on the default worker
 * pool (one thread per core), each equal to its query after every batch of changes.
 */
class MaterializedViewRestartTest {

  @Test
  void viewsResumeAfterARestartAndKeepFollowing(@TempDir Path dir) throws SQLException {
    String url = "jdbc:sluice:embedded:" + dir.resolve("db");
    String recompute = "SELECT k, COUNT(*), SUM(v) FROM rs_t GROUP BY k ORDER BY k";
    try (Connection c = DriverManager.getConnection(url)) {
      update(c, "CREATE TABLE rs_t (id INTEGER PRIMARY KEY, k INTEGER, v BIGINT)");
      update(c, "INSERT INTO rs_t VALUES (1, 1, 10), (2, 2, 20), (3, 1, 30)");
      update(c, "CREATE MATERIALIZED VIEW rs_v AS SELECT k, COUNT(*) AS n, SUM(v) AS s"
          + " FROM rs_t GROUP BY k");
      update(c, "INSERT INTO rs_t VALUES (4, 3, 40)");
      update(c, "DELETE FROM rs_t WHERE id = 2");
      assertEquals(normalize(query(c, recompute)),
          normalize(query(c, "SELECT * FROM rs_v ORDER BY k")));
    }
    for (int round = 0; round < 3; round++) {
      try (Connection c = DriverManager.getConnection(url)) {
        assertEquals(normalize(query(c, recompute)),
            normalize(query(c, "SELECT * FROM rs_v ORDER BY k")), "after restart " + round);
        update(c, "INSERT INTO rs_t VALUES (" + (10 + round) + ", " + round + ", 5)");
        update(c, "UPDATE rs_t SET v = v + 1 WHERE k = 1");
        assertEquals(normalize(query(c, recompute)),
            normalize(query(c, "SELECT * FROM rs_v ORDER BY k")), "in round " + round);
      }
    }
  }

  @Test
  void aHundredViewsRunTogether() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sluice:mem:")) {
      update(c, "CREATE TABLE hv_a (id INTEGER PRIMARY KEY, k INTEGER, v INTEGER)");
      update(c, "CREATE TABLE hv_b (k INTEGER PRIMARY KEY, name VARCHAR(10))");
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        queries.add(switch (i % 4) {
          case 0 -> "SELECT id, v FROM hv_a WHERE v % 10 = " + (i / 4 % 10);
          case 1 -> "SELECT k, COUNT(*) AS n, SUM(v) AS s FROM hv_a WHERE id > " + i
              + " GROUP BY k";
          case 2 -> "SELECT b.name, a.v FROM hv_a a JOIN hv_b b ON a.k = b.k WHERE a.v > " + i;
          default -> "SELECT MAX(v) AS hi, MIN(v) AS lo, COUNT(DISTINCT k) AS ks FROM hv_a"
              + " WHERE id % 7 <> " + (i % 7);
        });
        update(c, "CREATE MATERIALIZED VIEW hv_" + i + " AS " + queries.get(i));
      }
      assertEquals(100, count(c, "SELECT COUNT(*) FROM sys.materialized_views"
          + " WHERE table_name LIKE 'hv%' AND status = 'running'"));
      for (int batch = 0; batch < 4; batch++) {
        StringBuilder a = new StringBuilder("INSERT INTO hv_a VALUES ");
        for (int r = 0; r < 50; r++) {
          int id = batch * 50 + r;
          a.append(r == 0 ? "" : ", ").append('(').append(id).append(", ").append(id % 9)
              .append(", ").append((id * 37) % 101).append(')');
        }
        update(c, a.toString());
        update(c, "INSERT INTO hv_b VALUES (" + batch + ", 'n" + batch + "'), ("
            + (batch + 4) + ", 'm" + batch + "')");
        update(c, "DELETE FROM hv_a WHERE id % 11 = " + batch);
        update(c, "UPDATE hv_a SET v = v + 1 WHERE k = " + batch);
        for (int i = 0; i < 100; i++) {
          assertEquals(sorted(normalize(query(c, queries.get(i)))),
              sorted(normalize(query(c, "SELECT * FROM hv_" + i))),
              "view hv_" + i + " after batch " + batch);
        }
      }
    }
  }

  private static List<String> sorted(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }
}
