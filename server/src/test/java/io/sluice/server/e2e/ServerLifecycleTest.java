package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the server process's lifecycle: SIGTERM shuts it down in an orderly way (its shutdown
 * hook closes the database and the process exits with an orderly status; see {@link
 * ServerProcess#stopCleanly()}), SIGKILL ends it at once, and a server restarted over the same
 * data directory and port finds every table, view and row as they were, dropped objects
 * staying dropped, and serves reads and writes again.
 */
class ServerLifecycleTest {

  @Test
  void sigtermShutsDownCleanlyAndEverythingSurvivesARestart() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      List<List<Object>> expected = new ArrayList<>();
      try (Connection c = server.connect()) {
        update(c, "CREATE TABLE lc_t (id INTEGER PRIMARY KEY, s VARCHAR(10), v BIGINT)");
        update(c, "CREATE TABLE lc_gone (id INTEGER)");
        update(c, "INSERT INTO lc_t VALUES (1, 'one', 10), (2, 'two', 20), (3, 'three', 30)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lc_t VALUES (?, ?, ?)")) {
          for (int id = 10; id < 60; id++) {
            ps.setInt(1, id);
            ps.setString(2, "b" + id);
            ps.setLong(3, id * 100L);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        update(c, "UPDATE lc_t SET v = v + 1 WHERE id < 10");
        update(c, "DELETE FROM lc_t WHERE id >= 50");
        update(c, "DROP TABLE lc_gone");
        update(c, "CREATE VIEW lc_v AS SELECT id, s FROM lc_t WHERE v > 1000");
        expected.add(row(1, "one", 11L));
        expected.add(row(2, "two", 21L));
        expected.add(row(3, "three", 31L));
        for (int id = 10; id < 50; id++) {
          expected.add(row(id, "b" + id, id * 100L));
        }
        assertEquals(expected, query(c, "SELECT id, s, v FROM lc_t ORDER BY id"));
      }
      int port = server.port();

      server.stopCleanly();
      assertFalse(server.isRunning());

      server.restart();
      assertEquals(port, server.port(), "restarted on the same port");
      try (Connection c = server.connect()) {
        assertEquals(expected, query(c, "SELECT id, s, v FROM lc_t ORDER BY id"));
        List<List<Object>> view = new ArrayList<>();
        for (List<Object> r : expected) {
          if ((long) r.get(2) > 1000) {
            view.add(row(r.get(0), r.get(1)));
          }
        }
        assertEquals(view, query(c, "SELECT id, s FROM lc_v ORDER BY id"));
        Sql.expectError(c, "42P01", "SELECT * FROM lc_gone");
        assertEquals(1, update(c, "INSERT INTO lc_t VALUES (100, 'after', 1)"));
        Sql.expectError(c, "23505", "INSERT INTO lc_t VALUES (1, 'dup', 1)");
      }
      server.stopCleanly();
    }
  }

  @Test
  void aKilledServerDiesAtOnceAndRestartsOverItsData() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      try (Connection c = server.connect()) {
        update(c, "CREATE TABLE lc_k (id INTEGER PRIMARY KEY)");
        update(c, "INSERT INTO lc_k VALUES (1)");
      }
      server.kill();
      assertFalse(server.isRunning());
      assertThrows(Exception.class, () -> {
        try (Connection c = server.connect()) {
          query(c, "SELECT * FROM lc_k");
        }
      }, "nothing listens once the server is killed");
      server.restart();
      try (Connection c = server.connect()) {
        assertEquals(List.of(row(1)), query(c, "SELECT id FROM lc_k"));
      }
      assertTrue(server.log().contains("--- restart"), "the log keeps every run");
      server.stopCleanly();
    }
  }
}
