package io.sluice.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.catalog.ViewDef;
import io.sluice.server.Database;
import io.sluice.server.DatabaseConfig;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.statement.Prepared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE MATERIALIZED VIEW plans its query once, from the statement's own parse, and starts
 * the view with that plan; a restart plans the view again from its stored query. The two plans
 * must agree (the state's fingerprint), or every restart would backfill every view again.
 */
class ViewPlannedOnceTest {
  /** View name to query: column lists, ORDER BY, LIMIT, joins, views over views, quoting. */
  private static final Map<String, String> VIEWS = Map.of(
      "po_agg", "CREATE MATERIALIZED VIEW po_agg (k, n, s) AS SELECT k, COUNT(*), SUM(v)"
          + " FROM po_t GROUP BY k",
      "po_top", "CREATE MATERIALIZED VIEW po_top AS SELECT id, v * 2 AS w FROM po_t"
          + " ORDER BY v DESC, id LIMIT 3",
      "po_join", "CREATE MATERIALIZED VIEW po_join AS SELECT t.id, u.name, t.v + 1"
          + " FROM po_t t JOIN po_u u ON t.k = u.k WHERE t.v > 2 AND u.name <> 'x'"
          + " ORDER BY t.id",
      "po_over", "CREATE MATERIALIZED VIEW po_over AS SELECT k, s FROM po_agg WHERE n > 1",
      "Po \"Odd\"", "CREATE MATERIALIZED VIEW \"Po \"\"Odd\"\"\" AS SELECT DISTINCT k,"
          + " CASE WHEN v IS NULL THEN 0 ELSE v END AS c FROM po_t"
          + " WHERE id IN (SELECT k FROM po_u)");

  @Test
  void theCreatePlanIsTheRestartPlan(@TempDir Path dir) {
    DatabaseConfig config = new DatabaseConfig(dir.resolve("db"), false, 3_600_000L, 1);
    List<String> names = new ArrayList<>(VIEWS.keySet());
    names.sort(null);
    try (Database db = Database.open(config); Session s = db.newSession()) {
      s.execute("CREATE TABLE po_t (id INTEGER PRIMARY KEY, k INTEGER, v INTEGER)");
      s.execute("CREATE TABLE po_u (k INTEGER PRIMARY KEY, name VARCHAR(10))");
      s.execute("INSERT INTO po_t VALUES (1, 1, 5), (2, 1, 7), (3, 2, NULL), (4, 3, 1)");
      s.execute("INSERT INTO po_u VALUES (1, 'a'), (2, 'b'), (3, 'x')");
      for (String name : List.of("po_agg", "po_top", "po_join", "po_over", "Po \"Odd\"")) {
        s.execute(VIEWS.get(name));
      }
      for (String name : names) {
        assertTrue(db.views().stateMatchesPlan(view(db, name)), name);
      }
    }
    try (Database db = Database.open(config); Session s = db.newSession()) {
      for (String name : names) {
        assertTrue(db.views().stateMatchesPlan(view(db, name)), name + " after a restart");
      }
      assertEquals(List.of("[1, 2, 12]", "[2, 1, null]", "[3, 1, 1]"),
          rows(s, "SELECT * FROM po_agg ORDER BY k"));
      assertEquals(List.of("[1, 12]"), rows(s, "SELECT * FROM po_over"));
    }
  }

  /**
   * A prepared CREATE VIEW run again without the catalog changing in between plans a fresh
   * parse of its query: the first run consumed the statement's own.
   */
  @Test
  void aPreparedCreateViewRunAgainPlansAFreshParse(@TempDir Path dir) {
    DatabaseConfig config = new DatabaseConfig(dir.resolve("db"), false, 3_600_000L, 1);
    try (Database db = Database.open(config); Session s = db.newSession()) {
      s.execute("CREATE TABLE pr_t (id INTEGER PRIMARY KEY, v INTEGER)");
      Prepared create = s.prepare(
          "CREATE MATERIALIZED VIEW pr_v (a, b) AS SELECT id, v, v + 1 FROM pr_t");
      List<String> errors = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        SluiceException e = assertThrows(SluiceException.class, () -> create.execute(List.of()));
        errors.add(e.sqlState() + " " + e.getMessage());
      }
      assertEquals(errors.get(0), errors.get(1));
      assertTrue(errors.get(0).contains("the view names 2 columns but its query has 3"),
          errors.get(0));
      s.execute("CREATE MATERIALIZED VIEW pr_w (a, b) AS SELECT id, v FROM pr_t");
      s.execute("INSERT INTO pr_t VALUES (1, 10)");
      db.views().awaitFresh(List.of(view(db, "pr_w").id()), () -> false);
      assertEquals(List.of("[1, 10]"), rows(s, "SELECT * FROM pr_w"));
    }
  }

  private static ViewDef view(Database db, String name) {
    return db.catalog().current().allViews().stream()
        .filter(v -> v.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
            "no view " + name + " in " + db.catalog().current().allViews()));
  }

  private static List<String> rows(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] r : ((StatementResult.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(r));
    }
    return out;
  }
}
