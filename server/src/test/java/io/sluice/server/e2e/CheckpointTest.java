package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.count;
import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.normalize;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.scalar;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.Database;
import io.sluice.server.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CHECKPOINT and what it is for: the row it returns, SHOW CHECKPOINTS and sys.checkpoints,
 * retention, periodic checkpoints, restoring a database to a checkpoint (tables and views go
 * back together), exporting one as a new data directory, a checkpoint that cannot be written,
 * and ALTER SYSTEM. Each runs on an embedded database in its own directory.
 */
class CheckpointTest {
  private static final String VIEW_QUERY =
      "SELECT k, COUNT(*) AS n, SUM(v) AS s FROM ck_t GROUP BY k";

  private static String url(Path dir) {
    return "jdbc:sluice:embedded:" + dir;
  }

  private static void createSchema(Connection c) throws SQLException {
    update(c, "CREATE TABLE ck_t (id INTEGER PRIMARY KEY, k INTEGER, v BIGINT)");
    update(c, "CREATE MATERIALIZED VIEW ck_v AS " + VIEW_QUERY);
  }

  private static void insertRange(Connection c, int from, int to) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO ck_t VALUES ");
    for (int id = from; id < to; id++) {
      sql.append(id == from ? "" : ", ").append('(').append(id).append(", ").append(id % 7)
          .append(", ").append(id * 10L).append(')');
    }
    update(c, sql.toString());
  }

  private static List<List<Object>> viewRows(Connection c) throws SQLException {
    return normalize(query(c, "SELECT k, n, s FROM ck_v ORDER BY k"));
  }

  private static List<List<Object>> recomputed(Connection c) throws SQLException {
    return normalize(query(c, VIEW_QUERY + " ORDER BY k"));
  }

  /** The row CHECKPOINT returns, by column name. */
  private record Taken(long id, long epoch, long durationMs, long bytesAdded, long totalBytes) {}

  private static Taken checkpoint(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("CHECKPOINT")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i).toLowerCase());
      }
      assertEquals(List.of("checkpoint_id", "epoch", "started", "duration_ms", "bytes_added",
          "total_bytes"), names);
      assertTrue(rs.next(), "CHECKPOINT returns one row");
      Taken t = new Taken(rs.getLong("checkpoint_id"), rs.getLong("epoch"),
          rs.getLong("duration_ms"), rs.getLong("bytes_added"), rs.getLong("total_bytes"));
      long started = rs.getTimestamp("started").getTime();
      assertTrue(Math.abs(System.currentTimeMillis() - started) < 600_000,
          "started is about now: " + rs.getTimestamp("started"));
      assertFalse(rs.next(), "CHECKPOINT returns one row");
      return t;
    }
  }

  @Test
  void checkpointReturnsARowAndIsListed(@TempDir Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      insertRange(c, 0, 500);
      Taken first = checkpoint(c);
      assertTrue(first.id() >= 1);
      assertTrue(first.totalBytes() > 0, "a checkpoint holds files");
      assertEquals(first.totalBytes(), first.bytesAdded(), "the first checkpoint adds all");
      assertTrue(first.epoch() >= 1);

      // Nothing changed: the next checkpoint shares every table file with the first.
      Taken second = checkpoint(c);
      assertEquals(first.id() + 1, second.id());
      assertTrue(second.epoch() > first.epoch(), "each checkpoint cuts a new epoch");
      assertTrue(second.bytesAdded() < second.totalBytes(),
          "an unchanged database adds little: " + second);

      insertRange(c, 500, 600);
      Taken third = checkpoint(c);
      assertEquals(second.id() + 1, third.id());

      List<List<Object>> shown = normalize(query(c, "SHOW CHECKPOINTS"));
      assertEquals(normalize(query(c, "SELECT * FROM sys.checkpoints ORDER BY checkpoint_id")),
          shown);
      assertEquals(3, shown.size());
      for (int i = 0; i < 3; i++) {
        Taken t = List.of(first, second, third).get(i);
        List<Object> row = shown.get(i);
        assertEquals(t.id(), ((Number) row.get(0)).longValue());
        assertEquals(t.epoch(), ((Number) row.get(1)).longValue());
        assertEquals(t.bytesAdded(), ((Number) row.get(4)).longValue());
        assertEquals(t.totalBytes(), ((Number) row.get(5)).longValue());
        assertEquals("completed", row.get(6));
        assertEquals("manual", row.get(7));
        assertEquals(null, row.get(8));
      }
      // The checkpoints are on disk, each a data directory of its own.
      for (Taken t : List.of(first, second, third)) {
        Path cp = dir.resolve("checkpoints").resolve(Long.toString(t.id()));
        assertTrue(Files.isRegularFile(cp.resolve("db").resolve("CURRENT")), cp.toString());
      }
    }
  }

  @Test
  void retentionKeepsTheLastN(@TempDir Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      update(c, "ALTER SYSTEM SET checkpoint.retain = 2");
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        insertRange(c, i * 10, i * 10 + 10);
        ids.add(checkpoint(c).id());
      }
      assertEquals(List.of(ids.get(2), ids.get(3)), checkpointIds(c));
      assertEquals(List.of(ids.get(2).toString(), ids.get(3).toString()),
          checkpointDirectories(dir));
      update(c, "ALTER SYSTEM SET checkpoint.retain = 1");
      assertEquals(List.of(ids.get(3)), checkpointIds(c), "lowering retain retires at once");
      assertEquals(List.of(ids.get(3).toString()), checkpointDirectories(dir));
    }
  }

  private static List<Long> checkpointIds(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (List<Object> row : query(c,
        "SELECT checkpoint_id FROM sys.checkpoints WHERE status = 'completed' ORDER BY 1")) {
      ids.add(((Number) row.get(0)).longValue());
    }
    return ids;
  }

  private static List<String> checkpointDirectories(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void restoringACheckpointTakesTablesAndViewsBackTogether(@TempDir Path dir) throws Exception {
    List<List<Object>> tableAtCheckpoint;
    List<List<Object>> viewAtCheckpoint;
    long id;
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      insertRange(c, 0, 300);
      update(c, "DELETE FROM ck_t WHERE id % 5 = 0");
      tableAtCheckpoint = normalize(query(c, "SELECT * FROM ck_t ORDER BY id"));
      viewAtCheckpoint = viewRows(c);
      assertEquals(recomputed(c), viewAtCheckpoint);
      id = checkpoint(c).id();
      // Changes after the checkpoint, including a new table, are undone by the restore.
      insertRange(c, 300, 400);
      update(c, "UPDATE ck_t SET v = -v WHERE k = 3");
      update(c, "CREATE TABLE ck_later (x INTEGER)");
      assertNotEquals(viewAtCheckpoint, viewRows(c));
    }
    Database.open(DatabaseConfig.onDisk(dir).withRestore(id)).close();
    assertTrue(Files.isDirectory(dir.resolve("db.before-restore")),
        "the replaced store is kept");
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals(tableAtCheckpoint, normalize(query(c, "SELECT * FROM ck_t ORDER BY id")));
      assertEquals(viewAtCheckpoint, viewRows(c));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM sys.tables WHERE table_name = 'CK_LATER'"
          + " OR table_name = 'ck_later'"));
      // The restored view goes on following changes.
      insertRange(c, 1000, 1100);
      update(c, "DELETE FROM ck_t WHERE k = 2");
      assertEquals(recomputed(c), viewRows(c));
      // The checkpoint is still there to restore again.
      assertTrue(checkpointIds(c).contains(id));
    }
  }

  @Test
  void theServerRestoresACheckpointNamedOnItsCommandLine(@TempDir Path dir) throws Exception {
    long id;
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      insertRange(c, 0, 50);
      id = checkpoint(c).id();
      insertRange(c, 50, 60);
    }
    // An unknown checkpoint: the server says so and exits, leaving the data as it was.
    JavaProcess bad = JavaProcess.start(JavaProcess.testClassPath(), dir,
        "io.sluice.server.cli.Main", List.of("server", "--port", "0", "--data-dir",
            dir.toString(), "--restore-checkpoint", "999"));
    assertEquals(2, bad.awaitExit(java.time.Duration.ofSeconds(60)));
    assertTrue(bad.stderr().contains("there is no completed checkpoint 999"), bad.log());
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals(60, count(c, "SELECT COUNT(*) FROM ck_t"));
    }
    JavaProcess server = JavaProcess.start(JavaProcess.testClassPath(), dir,
        "io.sluice.server.cli.Main", List.of("server", "--port", "0", "--data-dir",
            dir.toString(), "--restore-checkpoint", Long.toString(id)));
    try {
      server.awaitLine(java.util.regex.Pattern.compile("listening on port (\\d+)"),
          java.time.Duration.ofSeconds(90));
      assertTrue(server.log().contains("restored checkpoint " + id), server.log());
    } finally {
      server.terminate();
      server.awaitExit(java.time.Duration.ofSeconds(60));
    }
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals(50, count(c, "SELECT COUNT(*) FROM ck_t"));
      assertEquals(recomputed(c), viewRows(c));
    }
  }

  @Test
  void anExportedCheckpointIsADataDirectory(@TempDir Path dir, @TempDir Path elsewhere)
      throws Exception {
    Path target = elsewhere.resolve("exported");
    List<List<Object>> tableAtCheckpoint;
    List<List<Object>> viewAtCheckpoint;
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      insertRange(c, 0, 200);
      tableAtCheckpoint = normalize(query(c, "SELECT * FROM ck_t ORDER BY id"));
      viewAtCheckpoint = viewRows(c);
      long id = checkpoint(c).id();
      insertRange(c, 200, 250);
      update(c, "EXPORT CHECKPOINT " + id + " TO '" + target + "'");
      expectError(c, "22023", "EXPORT CHECKPOINT " + id + " TO '" + target + "'");
      expectError(c, "42704", "EXPORT CHECKPOINT 999 TO '" + elsewhere.resolve("x") + "'");
      expectError(c, "22023", "EXPORT CHECKPOINT " + id + " TO 'relative/dir'");
    }
    try (Connection c = DriverManager.getConnection(url(target))) {
      assertEquals(tableAtCheckpoint, normalize(query(c, "SELECT * FROM ck_t ORDER BY id")));
      assertEquals(viewAtCheckpoint, viewRows(c));
      insertRange(c, 500, 520);
      assertEquals(recomputed(c), viewRows(c));
    }
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals(250, count(c, "SELECT COUNT(*) FROM ck_t"), "the source is untouched");
    }
  }

  @Test
  void aCheckpointThatCannotBeWrittenFailsAloneAndTheNextOneWorks(@TempDir Path dir)
      throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      insertRange(c, 0, 100);
      long first = checkpoint(c).id();
      // The checkpoints directory becomes a plain file: nothing can be written there (this
      // holds even for root, which ignores permissions).
      Path cps = dir.resolve("checkpoints");
      Path aside = dir.resolve("checkpoints-aside");
      Files.move(cps, aside);
      Files.writeString(cps, "not a directory");
      SQLException e = expectError(c, "58030", "CHECKPOINT");
      assertTrue(e.getMessage().contains("checkpoint " + (first + 1) + " failed"),
          e.getMessage());
      // Writes and views go on.
      insertRange(c, 100, 150);
      assertEquals(recomputed(c), viewRows(c));
      Files.delete(cps);
      Files.move(aside, cps);
      List<List<Object>> failed = query(c,
          "SELECT checkpoint_id, status, error FROM sys.checkpoints WHERE status = 'failed'");
      assertEquals(1, failed.size());
      assertEquals(first + 1, ((Number) failed.get(0).get(0)).longValue());
      assertTrue(failed.get(0).get(2).toString().length() > 0);
      long next = checkpoint(c).id();
      assertEquals(first + 2, next);
      assertEquals(List.of(first, next), checkpointIds(c));
    }
  }

  @Test
  void periodicCheckpointsRunWhileThereAreWrites(@TempDir Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir))) {
      createSchema(c);
      update(c, "ALTER SYSTEM SET checkpoint.retain = 100");
      update(c, "ALTER SYSTEM SET checkpoint.interval = '200ms'");
      insertRange(c, 0, 50);
      long deadline = System.currentTimeMillis() + 30_000;
      while (periodicCount(c) == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(periodicCount(c) > 0, "a periodic checkpoint is taken within 30 s");
      // Idle: a checkpoint in flight may finish, then none is taken while nothing changes.
      Thread.sleep(500);
      long idle = periodicCount(c);
      Thread.sleep(1500);
      assertEquals(idle, periodicCount(c), "no periodic checkpoint of an unchanged database");
      insertRange(c, 50, 60);
      deadline = System.currentTimeMillis() + 30_000;
      while (periodicCount(c) == idle && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(periodicCount(c) > idle, "a write leads to the next periodic checkpoint");
      update(c, "ALTER SYSTEM SET checkpoint.interval = 0");
    }
  }

  private static long periodicCount(Connection c) throws SQLException {
    return count(c, "SELECT COUNT(*) FROM sys.checkpoints WHERE triggered_by = 'periodic'"
        + " AND status = 'completed'");
  }

  @Test
  void systemSettingsAreStoredAndChecked(@TempDir Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals("1min", scalar(c, "SHOW checkpoint.interval"));
      assertEquals("3", scalar(c, "SHOW checkpoint.retain"));
      update(c, "ALTER SYSTEM SET checkpoint.interval = 90s");
      update(c, "ALTER SYSTEM SET checkpoint.retain TO 7");
      update(c, "ALTER SYSTEM SET barrier.interval = '250ms'");
      expectError(c, "22023", "ALTER SYSTEM SET checkpoint.interval = 'soon'");
      expectError(c, "22023", "ALTER SYSTEM SET checkpoint.retain = 0");
      expectError(c, "42704", "ALTER SYSTEM SET no.such.setting = 1");
      expectError(c, "55000", "SET checkpoint.interval = '10s'");
      boolean listed = false;
      for (List<Object> row : query(c, "SHOW ALL")) {
        if (row.get(0).equals("checkpoint.interval")) {
          assertEquals("90s", row.get(1));
          listed = true;
        }
      }
      assertTrue(listed, "SHOW ALL lists the system settings");
    }
    // Stored in the database: they survive a restart, until reset.
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals("90s", scalar(c, "SHOW checkpoint.interval"));
      assertEquals("7", scalar(c, "SHOW checkpoint.retain"));
      assertEquals("250ms", scalar(c, "SHOW barrier.interval"));
      update(c, "ALTER SYSTEM RESET checkpoint.interval");
      assertEquals("1min", scalar(c, "SHOW checkpoint.interval"));
    }
    try (Connection c = DriverManager.getConnection(url(dir))) {
      assertEquals("1min", scalar(c, "SHOW checkpoint.interval"));
    }
  }

  @Test
  void aDatabaseInMemoryKeepsNoCheckpoints() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sluice:mem:")) {
      expectError(c, "0A000", "CHECKPOINT");
    }
  }
}
