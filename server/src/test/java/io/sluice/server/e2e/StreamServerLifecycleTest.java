package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams and the server's own lifecycle: a client that stops fetching a stream (it vanished,
 * or just stopped reading) does not keep it on the server — after {@code
 * --stream-idle-timeout} the server ends the stream, frees it, and a later fetch says why; a
 * server stops cleanly with streams running, and after a restart (or a SIGKILL) no stream is
 * left and new ones work.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StreamServerLifecycleTest {

  @Test
  void aStreamNobodyFetchesIsEnded() throws Exception {
    try (ServerProcess server = ServerProcess.start("--stream-idle-timeout", "1");
        Connection admin = server.connect(); Connection client = server.connect()) {
      update(admin, "CREATE TABLE idle_t (id INT PRIMARY KEY)");
      Statement st = client.createStatement();
      ResultSet rs = st.executeQuery("SELECT STREAM id FROM idle_t");
      String count = "SELECT COUNT(*) FROM sys.continuous_queries WHERE kind = 'stream'";
      assertEquals(List.of(List.of(1L)), query(admin, count));
      // The client fetches nothing: within the timeout (1 s) plus the janitor's period the
      // stream is gone. Polled, with a generous bound for two shared cores.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!query(admin, count).equals(List.of(List.of(0L))) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of(List.of(0L)), query(admin, count));
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("not fetched"), e.getMessage());
    }
  }

  @Test
  void streamsEndWithTheServerAndDoNotComeBack() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      try (Connection admin = server.connect()) {
        update(admin, "CREATE TABLE life_t (id INT PRIMARY KEY, g INT)");
        update(admin, "INSERT INTO life_t VALUES (1, 1), (2, 1), (3, 2)");
      }
      String sql = "SELECT STREAM g, COUNT(*) AS n FROM life_t GROUP BY g";
      Connection client = server.connect();
      ResultSet rs = client.createStatement().executeQuery(sql);
      assertTrue(rs.next());
      server.stopCleanly();
      server.restart();
      streamAgain(server, sql);
      server.connect().createStatement().executeQuery(sql).next();
      server.kill();
      server.restart();
      streamAgain(server, sql);
    }
  }

  /** No stream survived; a new one sees the table's groups and a change. */
  private static void streamAgain(ServerProcess server, String sql) throws SQLException {
    try (Connection admin = server.connect(); Connection c = server.connect();
        Statement st = c.createStatement()) {
      assertEquals(List.of(List.of(0L)), query(admin, "SELECT COUNT(*) FROM"
          + " sys.continuous_queries WHERE kind = 'stream'"));
      ResultSet rs = st.executeQuery(sql);
      int initial = 0;
      do {
        assertTrue(rs.next());
        assertEquals("+I", rs.getString(1));
        initial++;
      } while (!rs.getBoolean(3));
      assertEquals(2, initial);
      update(admin, "DELETE FROM life_t WHERE g = 2");
      assertTrue(rs.next());
      assertEquals("-D", rs.getString("op"));
      assertEquals(2, rs.getInt("g"));
      update(admin, "INSERT INTO life_t VALUES (3, 2)");
      assertTrue(rs.next());
      assertEquals("+I", rs.getString("op"));
    }
  }
}
