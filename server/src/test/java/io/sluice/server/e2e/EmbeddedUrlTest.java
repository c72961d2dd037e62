package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the in-process URLs behave as documented: {@code jdbc:sluice:embedded:<dir>} keeps its
 * data on disk after every connection closes (and then releases the directory, so another
 * process can open it), {@code jdbc:sluice:mem:} gives each connection a private database, and
 * {@code jdbc:sluice:mem:<name>} is one database shared by every connection to that name while
 * any is open. The drivers are found through DriverManager's service loading, as a tool would.
 */
class EmbeddedUrlTest {

  @Test
  void embeddedDirectoryKeepsDataAfterEveryConnectionCloses(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("db");
    String url = "jdbc:sluice:embedded:" + data;
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url)) {
      update(a, "CREATE TABLE em_t (id INTEGER PRIMARY KEY, s VARCHAR(10))");
      update(a, "INSERT INTO em_t VALUES (1, 'one'), (2, 'two')");
      assertEquals(List.of(row(1, "one"), row(2, "two")),
          query(b, "SELECT id, s FROM em_t ORDER BY id"), "a second connection shares the data");
      update(b, "INSERT INTO em_t VALUES (3, 'three')");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(List.of(row(1, "one"), row(2, "two"), row(3, "three")),
          query(c, "SELECT id, s FROM em_t ORDER BY id"), "data after reopening");
      update(c, "DELETE FROM em_t WHERE id = 2");
    }
    // Every connection is closed, so the database must be closed and the directory free:
    // another process opens it and finds the data.
    try (JavaProcess shell = JavaProcess.start(JavaProcess.testClassPath(), dir,
        "io.sluice.server.cli.Main", List.of("--data-dir", data.toString(), "-e",
            "SELECT id, s FROM em_t ORDER BY id;"))) {
      int code = shell.awaitExit(Duration.ofSeconds(60));
      assertEquals(0, code, shell.log());
      String out = shell.stdout();
      assertTrue(out.contains("1 | one") && out.contains("3 | three") && !out.contains("two")
          && out.contains("(2 rows"), out);
    }
  }

  @Test
  void memDatabasesArePrivateToTheirConnection() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:sluice:mem:");
        Connection b = DriverManager.getConnection("jdbc:sluice:mem:")) {
      update(a, "CREATE TABLE em_p (id INTEGER PRIMARY KEY)");
      update(a, "INSERT INTO em_p VALUES (1), (2)");
      expectError(b, "42P01", "SELECT * FROM em_p");
      update(b, "CREATE TABLE em_p (id INTEGER PRIMARY KEY)");
      update(b, "INSERT INTO em_p VALUES (7)");
      assertEquals(List.of(row(1), row(2)), query(a, "SELECT id FROM em_p ORDER BY id"));
      assertEquals(List.of(row(7)), query(b, "SELECT id FROM em_p ORDER BY id"));
    }
  }

  @Test
  void namedMemDatabaseIsSharedWhileAConnectionIsOpen() throws SQLException {
    String url = "jdbc:sluice:mem:shared-" + UUID.randomUUID();
    Connection a = DriverManager.getConnection(url);
    try (Connection b = DriverManager.getConnection(url);
        Connection other = DriverManager.getConnection(url + "-other")) {
      update(a, "CREATE TABLE em_s (id INTEGER PRIMARY KEY, s VARCHAR(5))");
      update(a, "INSERT INTO em_s VALUES (1, 'a')");
      assertEquals(List.of(row(1, "a")), query(b, "SELECT id, s FROM em_s"));
      update(b, "INSERT INTO em_s VALUES (2, 'b')");
      assertEquals(List.of(row(1, "a"), row(2, "b")),
          query(a, "SELECT id, s FROM em_s ORDER BY id"));
      expectError(other, "42P01", "SELECT * FROM em_s");
      a.close();
      assertEquals(2, Sql.count(b, "SELECT COUNT(*) FROM em_s"),
          "closing one connection leaves the database to the others");
    } finally {
      a.close();
    }
    try (Connection again = DriverManager.getConnection(url)) {
      expectError(again, "42P01", "SELECT * FROM em_s");
    }
  }
}
