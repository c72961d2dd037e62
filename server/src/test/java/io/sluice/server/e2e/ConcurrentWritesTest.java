package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.count;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that concurrent writers through the remote driver behave as if their statements ran
 * one at a time: when several connections race to insert the same primary keys each key is won
 * by exactly one statement and the others get 23505; concurrent read-modify-write UPDATEs lose
 * no increment; and a row acknowledged to one connection is visible at once to every other.
 */
@ExtendWith(SharedServer.class)
class ConcurrentWritesTest {
  private static final int THREADS = 4;

  private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = pool.invokeAll(tasks, 120, TimeUnit.SECONDS);
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void racingInsertsOfTheSameKeysSucceedExactlyOncePerKey(ServerProcess server)
      throws Exception {
    int keys = 60;
    try (Connection c = server.connect()) {
      update(c, "CREATE TABLE cw_keys (id INTEGER PRIMARY KEY, writer INTEGER)");
    }
    List<Callable<List<Integer>>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int writer = t;
      tasks.add(() -> {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
          order.add(k);
        }
        Collections.shuffle(order, new Random(writer));
        List<Integer> won = new ArrayList<>();
        try (Connection c = server.connect();
            PreparedStatement ps = c.prepareStatement("INSERT INTO cw_keys VALUES (?, ?)")) {
          for (int k : order) {
            ps.setInt(1, k);
            ps.setInt(2, writer);
            try {
              assertEquals(1, ps.executeUpdate());
              won.add(k);
            } catch (SQLException e) {
              assertEquals("23505", e.getSQLState(), e.getMessage());
            }
          }
        }
        return won;
      });
    }
    List<List<Integer>> results = runConcurrently(tasks);
    int wins = results.stream().mapToInt(List::size).sum();
    assertEquals(keys, wins, "each key is inserted by exactly one writer");
    try (Connection c = server.connect()) {
      assertEquals(keys, count(c, "SELECT COUNT(*) FROM cw_keys"));
      for (int w = 0; w < THREADS; w++) {
        List<Integer> mine = new ArrayList<>(results.get(w));
        Collections.sort(mine);
        assertEquals(mine, query(c, "SELECT id FROM cw_keys WHERE writer = ? ORDER BY id", w)
            .stream().map(r -> (Integer) r.get(0)).toList(), "keys won by writer " + w);
      }
    }
  }

  @Test
  void concurrentIncrementsAreNotLost(ServerProcess server) throws Exception {
    int perThread = 40;
    try (Connection c = server.connect()) {
      update(c, "CREATE TABLE cw_counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
      update(c, "INSERT INTO cw_counter VALUES (1, 0), (2, 0)");
    }
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(() -> {
        try (Connection c = server.connect()) {
          for (int i = 0; i < perThread; i++) {
            assertEquals(1, update(c, "UPDATE cw_counter SET n = n + 1 WHERE id = 1"));
          }
        }
        return perThread;
      });
    }
    runConcurrently(tasks);
    try (Connection c = server.connect()) {
      assertEquals(List.of(List.of(1, (long) THREADS * perThread), List.of(2, 0L)),
          query(c, "SELECT id, n FROM cw_counter ORDER BY id"));
    }
  }

  @Test
  void anAcknowledgedRowIsVisibleToEveryConnectionAtOnce(ServerProcess server)
      throws Exception {
    try (Connection c = server.connect()) {
      update(c, "CREATE TABLE cw_seen (id INTEGER PRIMARY KEY)");
    }
    AtomicInteger missing = new AtomicInteger();
    try (Connection writer = server.connect(); Connection reader = server.connect();
        PreparedStatement insert = writer.prepareStatement("INSERT INTO cw_seen VALUES (?)");
        PreparedStatement read = reader.prepareStatement(
            "SELECT COUNT(*) FROM cw_seen WHERE id = ?")) {
      for (int id = 0; id < 100; id++) {
        insert.setInt(1, id);
        insert.executeUpdate();
        read.setInt(1, id);
        try (var rs = read.executeQuery()) {
          assertTrue(rs.next());
          if (rs.getLong(1) != 1) {
            missing.incrementAndGet();
          }
        }
      }
    }
    assertEquals(0, missing.get(), "rows acknowledged but not yet visible to another connection");
  }
}
