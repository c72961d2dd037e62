package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Proves that an acknowledged write survives SIGKILL and that statements are atomic across a
 * crash. Several connections write concurrently (single-row INSERTs, multi-row INSERTs and
 * executeBatch) and record every statement the server acknowledged; the server is killed
 * while they are still writing, then restarted over the same data directory. Every
 * acknowledged row must be there with its exact values; a statement whose acknowledgement was
 * lost in the crash may be there or not, but never in part; nothing else may appear; DDL
 * acknowledged before the crash (a view created, a table dropped) stays done, and materialized
 * views over the table equal a recomputation of their queries: every change counted exactly
 * once. The cycle runs twice, so recovery of an already recovered database is covered too.
 */
class CrashDurabilityTest {
  private static final int WRITERS = 3;
  /** Acknowledged statements to wait for in each round before killing the server. */
  private static final int STATEMENTS_PER_ROUND = 120;

  /** One written row. */
  record Written(int writer, int seq, long stmt, int stmtSize, String payload) {}

  /** The rows of one statement, by statement id. */
  private final Map<Long, List<Written>> acknowledged = new ConcurrentHashMap<>();
  private final Map<Long, List<Written>> inDoubt = new ConcurrentHashMap<>();
  private final AtomicInteger acknowledgedThisRound = new AtomicInteger();
  /** Why each writer stopped: the error of the statement that failed. */
  private final Map<Integer, Exception> stopReasons = new ConcurrentHashMap<>();

  @Test
  void acknowledgedWritesSurviveSigkillAndStatementsStayAtomic() throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      try (Connection c = server.connect()) {
        update(c, "CREATE TABLE cd_rows (writer INTEGER NOT NULL, seq INTEGER NOT NULL,"
            + " stmt BIGINT NOT NULL, stmt_size INTEGER NOT NULL, payload VARCHAR(40),"
            + " PRIMARY KEY (writer, seq))");
        // Acknowledged DDL must survive the crash as well.
        update(c, "CREATE TABLE cd_dropped (id INTEGER)");
        update(c, "CREATE VIEW cd_view AS SELECT writer, COUNT(*) AS n FROM cd_rows"
            + " GROUP BY writer");
        update(c, "DROP TABLE cd_dropped");
        // Materialized views must come back exactly once: neither missing a change nor
        // counting one twice, whatever epoch the kill interrupted.
        update(c, "CREATE MATERIALIZED VIEW cd_mview AS SELECT writer, COUNT(*) AS n,"
            + " SUM(stmt_size) AS s, MAX(seq) AS hi FROM cd_rows GROUP BY writer");
        update(c, "CREATE MATERIALIZED VIEW cd_msizes AS SELECT a.stmt_size, COUNT(*) AS n"
            + " FROM cd_rows a JOIN cd_rows b ON a.writer = b.writer AND a.seq = b.seq"
            + " GROUP BY a.stmt_size");
      }
      int[] nextSeq = new int[WRITERS];
      for (int round = 0; round < 2; round++) {
        writeUntilKilled(server, round, nextSeq);
        server.restart();
        verify(server);
        try (Connection c = server.connect()) {
          Sql.expectError(c, "42P01", "SELECT * FROM cd_dropped");
          Map<Integer, Long> perWriter = new TreeMap<>();
          for (List<Written> rows : acknowledged.values()) {
            perWriter.merge(rows.get(0).writer(), (long) rows.size(), Long::sum);
          }
          List<List<Object>> want = new ArrayList<>();
          perWriter.forEach((w, n) -> want.add(Sql.row(w, n)));
          assertEquals(want, Sql.query(c, "SELECT writer, n FROM cd_view ORDER BY writer"));
          assertEquals(Sql.normalize(Sql.query(c, "SELECT writer, COUNT(*), SUM(stmt_size),"
                  + " MAX(seq) FROM cd_rows GROUP BY writer ORDER BY writer")),
              Sql.normalize(Sql.query(c, "SELECT * FROM cd_mview ORDER BY writer")));
          assertEquals(Sql.normalize(Sql.query(c, "SELECT stmt_size, COUNT(*) FROM cd_rows"
                  + " GROUP BY stmt_size ORDER BY stmt_size")),
              Sql.normalize(Sql.query(c, "SELECT * FROM cd_msizes ORDER BY stmt_size")));
        }
      }
      // The recovered server takes new writes and keeps them.
      try (Connection c = server.connect()) {
        assertEquals(1, update(c, "INSERT INTO cd_rows VALUES (99, 0, -1, 1, 'after')"));
        assertEquals(1, Sql.count(c, "SELECT COUNT(*) FROM cd_rows WHERE writer = 99"));
      }
      server.stopCleanly();
    }
  }

  /** Starts the writers, waits for enough acknowledgements, kills the server mid-write. */
  private void writeUntilKilled(ServerProcess server, int round, int[] nextSeq)
      throws Exception {
    acknowledgedThisRound.set(0);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> unexpected = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      connections.add(server.connect());
    }
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Connection c = connections.get(w);
      Thread t = new Thread(() -> {
        try {
          write(c, writer, round, nextSeq);
        } catch (Throwable e) {
          synchronized (unexpected) {
            unexpected.add(e);
          }
        }
      }, "writer-" + w);
      threads.add(t);
      t.start();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acknowledgedThisRound.get() < STATEMENTS_PER_ROUND) {
      if (System.nanoTime() > deadline || threads.stream().anyMatch(t -> !t.isAlive())) {
        fail("writers acknowledged only " + acknowledgedThisRound.get() + " statements; "
            + stopReasons + " " + unexpected + "\n--- server log ---\n" + server.log());
      }
      synchronized (acknowledgedThisRound) {
        acknowledgedThisRound.wait(100);
      }
    }
    assertTrue(threads.stream().allMatch(Thread::isAlive),
        "a writer stopped before the server was killed: " + stopReasons);
    server.kill();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
      assertTrue(!t.isAlive(), t.getName() + " did not notice the server died");
    }
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // The server is gone; the connection cannot say goodbye.
      }
    }
    assertTrue(unexpected.isEmpty(), "writers failed unexpectedly: " + unexpected);
  }

  /**
   * Writes statements in a loop until one fails (the server was killed). Statement {@code k}
   * of a writer is a single-row INSERT, a five-row INSERT or a 25-row executeBatch.
   */
  private void write(Connection c, int writer, int round, int[] nextSeq) {
    for (int k = 0; ; k++) {
      long stmtId = ((long) round * WRITERS + writer) * 1_000_000L + k;
      int size = k % 3 == 0 ? 1 : k % 3 == 1 ? 5 : 25;
      List<Written> rows = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        int seq = nextSeq[writer]++;
        rows.add(new Written(writer, seq, stmtId, size,
            "w" + writer + "-s" + seq + "-" + Integer.toHexString((seq * 31 + writer) * 7919)));
      }
      inDoubt.put(stmtId, rows);
      try {
        if (size == 25) {
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO cd_rows VALUES (?, ?, ?, ?, ?)")) {
            for (Written r : rows) {
              ps.setInt(1, r.writer());
              ps.setInt(2, r.seq());
              ps.setLong(3, r.stmt());
              ps.setInt(4, r.stmtSize());
              ps.setString(5, r.payload());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        } else {
          StringBuilder sql = new StringBuilder("INSERT INTO cd_rows VALUES ");
          for (int i = 0; i < rows.size(); i++) {
            Written r = rows.get(i);
            sql.append(i == 0 ? "" : ", ").append('(').append(r.writer()).append(", ")
                .append(r.seq()).append(", ").append(r.stmt()).append(", ")
                .append(r.stmtSize()).append(", '").append(r.payload()).append("')");
          }
          try (Statement st = c.createStatement()) {
            st.executeUpdate(sql.toString());
          }
        }
      } catch (SQLException | RuntimeException e) {
        stopReasons.put(writer, e);
        return; // The server died mid-statement: this one stays in doubt.
      }
      inDoubt.remove(stmtId);
      acknowledged.put(stmtId, rows);
      acknowledgedThisRound.incrementAndGet();
      synchronized (acknowledgedThisRound) {
        acknowledgedThisRound.notifyAll();
      }
    }
  }

  /** Checks the restarted server holds exactly the acknowledged rows plus whole in-doubt ones. */
  private void verify(ServerProcess server) throws SQLException {
    Map<List<Integer>, Written> found = new HashMap<>();
    Map<Long, Integer> perStatement = new TreeMap<>();
    try (Connection c = server.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT writer, seq, stmt, stmt_size, payload FROM cd_rows")) {
      while (rs.next()) {
        Written w = new Written(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getInt(4),
            rs.getString(5));
        assertTrue(found.put(List.of(w.writer(), w.seq()), w) == null, "duplicate " + w);
        perStatement.merge(w.stmt(), 1, Integer::sum);
      }
    }
    int lost = 0;
    for (List<Written> rows : acknowledged.values()) {
      for (Written r : rows) {
        Written got = found.get(List.of(r.writer(), r.seq()));
        if (!r.equals(got)) {
          lost++;
        }
      }
    }
    assertEquals(0, lost, "acknowledged rows missing or changed after the crash (of "
        + acknowledged.values().stream().mapToInt(List::size).sum() + ")");
    for (Map.Entry<Long, Integer> e : perStatement.entrySet()) {
      long stmt = e.getKey();
      List<Written> rows = acknowledged.containsKey(stmt) ? acknowledged.get(stmt)
          : inDoubt.get(stmt);
      assertTrue(rows != null, "rows of statement " + stmt + " that was never sent");
      assertEquals(rows.size(), (int) e.getValue(),
          "statement " + stmt + " is only partly present after the crash");
      for (Written r : rows) {
        assertEquals(r, found.get(List.of(r.writer(), r.seq())));
      }
    }
    // In-doubt statements that made it are as good as acknowledged from now on; the others
    // are gone for good and their ids are never reused.
    System.out.printf("after the crash: %d acknowledged statements all present; %d in doubt,"
        + " %d of them present%n", acknowledged.size(), inDoubt.size(),
        inDoubt.keySet().stream().filter(perStatement::containsKey).count());
    for (Long stmt : new ArrayList<>(inDoubt.keySet())) {
      if (perStatement.containsKey(stmt)) {
        acknowledged.put(stmt, inDoubt.get(stmt));
      }
      inDoubt.remove(stmt);
    }
    assertEquals(acknowledged.values().stream().mapToInt(List::size).sum(), found.size(),
        "rows after the crash");
  }
}
