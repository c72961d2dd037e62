package io.sluice.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.server.Database;
import io.sluice.server.DatabaseConfig;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log entries that views have not consumed survive a restart even when an epoch that truncates
 * logs commits while the views are still being started. Found by {@code CrashRecoveryTest}: the
 * first views to resume consumed the pending entries, an epoch numbered for truncation removed
 * them, and the views started after it skipped those changes for good.
 */
class LogTruncationRecoveryTest {
  private static final int VIEWS = 12;
  /** Log truncation runs in epochs numbered a multiple of this (MaterializedViews). */
  private static final int TRUNCATE_EVERY = 50;

  @Test
  void viewsStartedLateInRecoveryStillReadTheirPendingChanges(@TempDir Path dir) {
    // Epochs only when asked for: the test decides which epoch comes first after the restart.
    DatabaseConfig config = new DatabaseConfig(dir.resolve("db"), false, 3_600_000L, 1);
    List<String> queries = new ArrayList<>();
    try (Database db = Database.open(config); Session s = db.newSession()) {
      s.execute("CREATE TABLE lt (id INTEGER PRIMARY KEY, v INTEGER)");
      for (int i = 0; i < VIEWS; i++) {
        queries.add("SELECT COUNT(*) AS n, SUM(v) AS s FROM lt WHERE MOD(id, " + VIEWS
            + ") <> " + i);
        s.execute("CREATE MATERIALIZED VIEW lt_v" + i + " AS " + queries.get(i));
      }
      // Every epoch below changes the views, so it is stored: stop right before an epoch that
      // truncates logs.
      int id = 0;
      do {
        s.execute("INSERT INTO lt VALUES (" + id + ", " + id + ")");
        id++;
        db.views().coordinator().awaitFresh();
      } while (db.views().coordinator().committedEpoch() % TRUNCATE_EVERY
          != TRUNCATE_EVERY - 1);
      // Changes no epoch has consumed: every view reads them from the log after the restart.
      for (int k = 0; k < 30; k++) {
        s.execute("INSERT INTO lt VALUES (" + id + ", " + id + ")");
        id++;
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    try (Database db = Database.open(config); Session s = db.newSession()) {
      for (int i = 0; i < VIEWS; i++) {
        assertEquals(rows(s, queries.get(i)), rows(s, "SELECT * FROM lt_v" + i),
            "view lt_v" + i + " after the restart");
      }
    }
  }

  private static List<String> rows(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] r : ((StatementResult.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(r));
    }
    return out;
  }
}
