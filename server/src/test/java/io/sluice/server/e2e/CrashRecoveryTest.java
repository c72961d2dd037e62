package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.server.e2e.CrashViews.View;
import io.sluice.server.e2e.CrashWriter.Acct;
import io.sluice.server.e2e.CrashWriter.Dim;
import io.sluice.server.e2e.CrashWriter.Stmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The crash test: writers and materialized views against a real server process, which is
 * killed with SIGKILL at random moments and restarted over the same data directory, again and
 * again. After every restart it checks that
 *
 * <ul>
 *   <li>every acknowledged INSERT, UPDATE and DELETE is there: each row holds the value of the
 *       last acknowledged statement that wrote it, and deleted rows stay deleted;
 *   <li>no statement is half applied: the statement each writer had in flight at the kill is
 *       there entirely or not at all (rows carry the id of the statement that wrote them);
 *   <li>every materialized view equals its query run ad hoc, and the same query computed in
 *       Java from the rows the writers' models expect.
 * </ul>
 *
 * Then it goes on writing in the next round. Each restart picks another number of workers,
 * barrier interval and periodic checkpoint interval (kills also land in the middle of a
 * checkpoint), so views also resume under another partitioning; now and then the
 * restarted server is killed again while it starts and recovers. While writers run, a reader
 * checks that one SELECT sees related views at one epoch.
 *
 * <p>{@code -Dsluice.crash.kills=N} sets the number of kills (CI runs a few), {@code
 * -Dsluice.crash.seed=S} replays a run, {@code -Dsluice.crash.maxDelayMs=M} bounds the random
 * time between the start of writing and the kill. The last line printed is the summary.
 */
class CrashRecoveryTest {
  private static final int DEFAULT_KILLS = 4;
  private long periodicCheckpoints;
  /** Periodic checkpoints, so that kills also land in the middle of one. */
  private static final String[] CHECKPOINT_INTERVALS = {"0", "200ms", "1s"};
  private static final int WRITERS = 3;
  private static final int INITIAL_ACCOUNTS = 100;
  private static final int[] WORKERS = {1, 2, 3};
  private static final int[] BARRIER_MILLIS = {5, 20, 100};
  /** Kills during a restart land up to this long after the server JVM starts. */
  private static final int RECOVERY_KILL_WINDOW_MS = 3000;

  private final List<CrashWriter> writers = new ArrayList<>();
  /** What went wrong in the current check; empty when all is well. */
  private final List<String> problems = new ArrayList<>();
  private long lost;
  private long halfApplied;
  private long viewMismatches;
  private long rowsChecked;
  private long inFlightApplied;
  private long inFlightNotApplied;
  private long recoveryKills;
  private final AtomicLong liveReads = new AtomicLong();
  private volatile String readerFailure;

  @Test
  void acknowledgedWritesAndViewsSurviveRepeatedSigkill() throws Exception {
    int kills = Integer.getInteger("sluice.crash.kills", DEFAULT_KILLS);
    int maxDelayMs = Integer.getInteger("sluice.crash.maxDelayMs", 1500);
    long seed = Long.getLong("sluice.crash.seed", System.nanoTime());
    System.out.printf("crash test: seed %d, %d kills, kill within %d ms of writing"
        + " (replay with -Dsluice.crash.seed=%d)%n", seed, kills, maxDelayMs, seed);
    Random random = new Random(seed);
    long start = System.nanoTime();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(new CrashWriter(w, WRITERS));
    }
    try (ServerProcess server = ServerProcess.start(serverArgs(random))) {
      String command = ProcessHandle.of(server.pid()).flatMap(h -> h.info().command())
          .orElse("");
      assertTrue(command.endsWith("/java"), "SIGKILL must reach the server JVM itself, not a"
          + " wrapper; the server process runs " + command);
      setUp(server, random);
      check(server, "after setup", seed);
      int killed = 0;
      while (killed < kills) {
        long delay = random.nextInt(maxDelayMs + 1);
        long acknowledgedBefore = acknowledged();
        writeAndKill(server, random, delay, seed);
        killed++;
        String report = String.format("kill %d after %d ms of writing: %d statements"
            + " acknowledged", killed, delay, acknowledged() - acknowledgedBefore);
        if (killed < kills && random.nextInt(4) == 0) {
          // Now and then the restarted server is killed too, somewhere between starting its
          // JVM and recovering its views (it is ready in about 2 s).
          long recoveryDelay = random.nextInt(RECOVERY_KILL_WINDOW_MS + 1);
          server.restartInBackground();
          Thread.sleep(recoveryDelay);
          server.kill();
          killed++;
          recoveryKills++;
          report += String.format("; kill %d %d ms into the restart", killed, recoveryDelay);
        }
        String[] args = serverArgs(random);
        long restartStart = System.nanoTime();
        server.restartWith(args);
        long restartMillis = (System.nanoTime() - restartStart) / 1_000_000;
        long appliedBefore = inFlightApplied;
        long inFlight = writers.stream().filter(w -> w.inFlight() != null).count();
        check(server, "after kill " + killed, seed);
        periodicCheckpoints = Math.max(periodicCheckpoints, lastCheckpointId(server));
        System.out.printf("%s, %d in flight (%d applied); restarted with %s in %d ms; %d rows"
                + " checked so far%n", report, inFlight, inFlightApplied - appliedBefore,
            String.join(" ", args), restartMillis, rowsChecked);
      }
      server.stopCleanly();
    }
    assertTrue(readerFailure == null, readerFailure);
    assertTrue(liveReads.get() > 0 || kills == 0, "the reader never read the views");
    long rowsAcknowledged = writers.stream().mapToLong(CrashWriter::rowsAcknowledged).sum();
    String summary = String.format("crash test summary: seed %d, kills %d (%d of them while the"
            + " server restarted), statements acknowledged %d (%s), rows acknowledged %d, in"
            + " flight at a kill %d (%d applied whole, %d not at all), rows checked %d, live"
            + " cross-view reads %d, periodic checkpoints taken %d, lost=%d, half-applied=%d,"
            + " view mismatches=%d, duration %.1f s", seed, kills, recoveryKills, acknowledged(),
        byKind(), rowsAcknowledged, inFlightApplied + inFlightNotApplied, inFlightApplied,
        inFlightNotApplied, rowsChecked, liveReads.get(), periodicCheckpoints, lost, halfApplied,
        viewMismatches, (System.nanoTime() - start) / 1e9);
    System.out.println(summary);
    assertEquals(0, lost + halfApplied + viewMismatches, summary);
  }

  /**
   * The id of the newest completed checkpoint (ids only grow: the highest seen tells how many
   * were taken), after checking that every listed checkpoint completed and is on disk whole.
   */
  private static long lastCheckpointId(ServerProcess server) throws SQLException {
    long last = 0;
    try (Connection c = server.connect()) {
      for (List<Object> row : query(c, "SELECT checkpoint_id, status FROM sys.checkpoints")) {
        long id = ((Number) row.get(0)).longValue();
        assertEquals("completed", row.get(1), "checkpoint " + id);
        assertTrue(Files.isRegularFile(server.dataDir().resolve("checkpoints")
            .resolve(Long.toString(id)).resolve("db").resolve("CURRENT")), "checkpoint " + id);
        last = Math.max(last, id);
      }
    }
    return last;
  }

  private static String[] serverArgs(Random random) {
    return new String[] {"--workers", Integer.toString(WORKERS[random.nextInt(WORKERS.length)]),
        "--barrier-interval",
        Integer.toString(BARRIER_MILLIS[random.nextInt(BARRIER_MILLIS.length)]),
        "--checkpoint-interval", CHECKPOINT_INTERVALS[random.nextInt(CHECKPOINT_INTERVALS.length)],
        "--checkpoint-retain", "2"};
  }

  private long acknowledged() {
    return writers.stream().mapToLong(CrashWriter::acknowledged).sum();
  }

  private String byKind() {
    Map<String, Long> kinds = new TreeMap<>();
    for (CrashWriter w : writers) {
      w.acknowledgedByKind().forEach((k, n) -> kinds.merge(k, n, Long::sum));
    }
    StringBuilder out = new StringBuilder();
    kinds.forEach((k, n) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(n));
    return out.toString();
  }

  /** Creates the tables, their first rows and the views (which backfill from those rows). */
  private void setUp(ServerProcess server, Random random) throws SQLException {
    try (Connection c = server.connect()) {
      update(c, "CREATE TABLE cr_acct (id BIGINT PRIMARY KEY, grp INTEGER NOT NULL,"
          + " amount BIGINT NOT NULL, stmt BIGINT NOT NULL, tag VARCHAR(10) NOT NULL)");
      update(c, "CREATE TABLE cr_dim (k INTEGER PRIMARY KEY, label VARCHAR(20) NOT NULL,"
          + " stmt BIGINT NOT NULL)");
      for (CrashWriter w : writers) {
        w.execute(c, w.initialDims());
        w.execute(c, w.initial(random, INITIAL_ACCOUNTS));
        assertTrue(w.failure() == null, w.failure());
      }
      for (View v : CrashViews.ALL) {
        update(c, "CREATE MATERIALIZED VIEW " + v.name() + " AS " + v.sql());
      }
    }
  }

  /**
   * Runs the writers and the reader, kills the server after {@code delayMs} and waits until
   * every client has noticed.
   */
  private void writeAndKill(ServerProcess server, Random random, long delayMs, long seed)
      throws Exception {
    boolean[] killed = {false};
    Object lock = new Object();
    java.util.function.BooleanSupplier isKilled = () -> {
      synchronized (lock) {
        return killed[0];
      }
    };
    List<Connection> connections = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try {
      for (CrashWriter w : writers) {
        Connection c = server.connect();
        connections.add(c);
        Random r = new Random(random.nextLong());
        threads.add(new Thread(() -> w.run(c, r, isKilled), "crash-writer-" + w.id()));
      }
      Connection rc = server.connect();
      connections.add(rc);
      threads.add(new Thread(() -> readViews(rc, isKilled), "crash-reader"));
      for (Thread t : threads) {
        t.start();
      }
      // The random moment of the kill; what the test checks never depends on this wait.
      Thread.sleep(delayMs);
      for (CrashWriter w : writers) {
        assertTrue(w.failure() == null, "seed " + seed + ": " + w.failure());
      }
      assertTrue(readerFailure == null, "seed " + seed + ": " + readerFailure);
      synchronized (lock) {
        killed[0] = true;
      }
      server.kill();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!t.isAlive(), t.getName() + " did not notice the server died");
      }
    } finally {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException | RuntimeException e) {
          // The server is gone; the connection cannot say goodbye.
        }
      }
    }
    for (CrashWriter w : writers) {
      assertTrue(w.failure() == null, "seed " + seed + ": " + w.failure());
    }
    assertTrue(readerFailure == null, "seed " + seed + ": " + readerFailure);
  }

  /**
   * Reads pairs of views that must agree within one SELECT (it sees them at one epoch) until
   * the server dies: the row count of the per-group sums and the global count, and the rows of
   * the inner join and the counts of the left join.
   */
  private void readViews(Connection c, java.util.function.BooleanSupplier killed) {
    String sql = "SELECT (SELECT COALESCE(SUM(n), 0) FROM cr_v_sum),"
        + " (SELECT n FROM cr_v_global), (SELECT COUNT(*) FROM cr_v_join),"
        + " (SELECT COALESCE(SUM(n), 0) FROM cr_v_left)";
    while (true) {
      List<List<Object>> rows;
      try {
        rows = query(c, sql);
      } catch (SQLException | RuntimeException e) {
        if (!killed.getAsBoolean()) {
          readerFailure = "reading views failed while the server ran: " + e;
        }
        return;
      }
      List<Object> r = rows.get(0);
      long sum = ((Number) r.get(0)).longValue();
      long global = ((Number) r.get(1)).longValue();
      long joined = ((Number) r.get(2)).longValue();
      long leftCounts = ((Number) r.get(3)).longValue();
      if (sum != global || joined != leftCounts) {
        readerFailure = "one SELECT saw views at different epochs: sum of cr_v_sum.n " + sum
            + ", cr_v_global.n " + global + ", rows of cr_v_join " + joined
            + ", sum of cr_v_left.n " + leftCounts;
        return;
      }
      liveReads.incrementAndGet();
    }
  }

  /**
   * Compares the restarted server with the writers' models and every view with its query and
   * its model; settles each in-flight statement as applied or not. Fails with every problem
   * found.
   */
  private void check(ServerProcess server, String when, long seed) throws SQLException {
    problems.clear();
    Map<Long, Acct> acct = new HashMap<>();
    Map<Integer, Dim> dim = new HashMap<>();
    try (Connection c = server.connect()) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, grp, amount, stmt, tag FROM cr_acct")) {
        while (rs.next()) {
          Acct a = new Acct(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
              rs.getString(5));
          if (acct.put(a.id(), a) != null) {
            problems.add("two rows with key " + a.id() + " in cr_acct");
          }
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT k, label, stmt FROM cr_dim")) {
        while (rs.next()) {
          Dim d = new Dim(rs.getInt(1), rs.getString(2), rs.getLong(3));
          if (dim.put(d.k(), d) != null) {
            problems.add("two rows with key " + d.k() + " in cr_dim");
          }
        }
      }
      rowsChecked += acct.size() + dim.size();
      checkTables(acct, dim);
      checkViews(c);
      if (!problems.isEmpty()) {
        problems.add("sys.materialized_views: "
            + query(c, "SELECT * FROM sys.materialized_views"));
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder msg = new StringBuilder("seed " + seed + ", " + when + ": "
          + problems.size() + " problems (lost " + lost + ", half-applied " + halfApplied
          + ", view mismatches " + viewMismatches + ")");
      problems.stream().limit(40).forEach(p -> msg.append("\n  ").append(p));
      msg.append("\ndata directory kept in ").append(keepDataDirectory(server, seed));
      msg.append("\n--- server log since the restart ---\n").append(server.currentLog());
      fail(msg.toString());
    }
  }

  /**
   * Kills the server and copies its data directory under {@code target/}, where it outlives the
   * test for a post-mortem; returns where.
   */
  private static Path keepDataDirectory(ServerProcess server, long seed) {
    Path to = Path.of("target", "crash-recovery-data-" + seed).toAbsolutePath();
    try {
      if (server.isRunning()) {
        server.kill();
      }
      ServerProcess.deleteRecursively(to);
      try (Stream<Path> files = Files.walk(server.dataDir())) {
        for (Path f : files.toList()) {
          Files.copy(f, to.resolve(server.dataDir().relativize(f).toString()));
        }
      }
      return to;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      return Path.of("(could not copy it: " + e + ")");
    }
  }

  private void checkTables(Map<Long, Acct> acct, Map<Integer, Dim> dim) {
    for (Long id : acct.keySet()) {
      if (id < 0 || id / CrashWriter.SPAN >= WRITERS) {
        lost++;
        problems.add("cr_acct holds a row no writer wrote: " + acct.get(id));
      }
    }
    for (CrashWriter w : writers) {
      Map<Long, Acct> ownAcct = new TreeMap<>();
      acct.forEach((k, v) -> {
        if (w.ownsAccount(k)) {
          ownAcct.put(k, v);
        }
      });
      Map<Integer, Dim> ownDim = new TreeMap<>();
      dim.forEach((k, v) -> {
        if (w.ownsDim(k)) {
          ownDim.put(k, v);
        }
      });
      Stmt s = w.inFlight();
      Boolean acctApplied = checkRows("cr_acct", w, w.accounts(), ownAcct,
          s == null ? Map.of() : s.acct());
      Boolean dimApplied = checkRows("cr_dim", w, w.dims(), ownDim,
          s == null ? Map.of() : s.dim());
      if (s != null) {
        boolean applied = Boolean.TRUE.equals(acctApplied) || Boolean.TRUE.equals(dimApplied);
        if (applied) {
          inFlightApplied++;
        } else {
          inFlightNotApplied++;
        }
        w.resolveInFlight(applied);
      }
    }
  }

  /**
   * Compares a writer's rows of one table with its model. Keys the in-flight statement does not
   * touch must hold exactly the acknowledged value; the keys it touches must all hold the value
   * before it or all the value after it. Returns whether the statement's effects are there, or
   * null when it touched no row of this table (or was applied in part).
   */
  private <K, V> Boolean checkRows(String table, CrashWriter w, Map<K, V> model,
      Map<K, V> actual, Map<K, V> effects) {
    Set<K> keys = new TreeSet<>(model.keySet());
    keys.addAll(actual.keySet());
    for (K k : keys) {
      if (effects.containsKey(k)) {
        continue;
      }
      V want = model.get(k);
      V got = actual.get(k);
      if (!Objects.equals(want, got)) {
        lost++;
        problems.add(table + " key " + k + " of writer " + w.id() + ": acknowledged "
            + (want == null ? "absent" : want) + ", found " + (got == null ? "absent" : got));
      }
    }
    if (effects.isEmpty()) {
      return null;
    }
    boolean allAfter = true;
    boolean allBefore = true;
    boolean eachEither = true;
    for (Map.Entry<K, V> e : effects.entrySet()) {
      V got = actual.get(e.getKey());
      boolean after = Objects.equals(got, e.getValue());
      boolean before = Objects.equals(got, model.get(e.getKey()));
      allAfter &= after;
      allBefore &= before;
      eachEither &= after || before;
    }
    if (allAfter || allBefore) {
      return allAfter;
    }
    Stmt s = w.inFlight();
    StringBuilder detail = new StringBuilder();
    effects.forEach((k, v) -> detail.append("\n    key ").append(k).append(": before ")
        .append(model.get(k)).append(", after ").append(v).append(", found ")
        .append(actual.get(k)));
    if (eachEither) {
      halfApplied++;
      problems.add("statement " + s.id() + " of writer " + w.id() + " is half applied: "
          + s.sql() + detail);
    } else {
      lost++;
      problems.add("rows of statement " + s.id() + " of writer " + w.id() + " (in flight at"
          + " the kill) match neither its before nor its after state: " + s.sql() + detail);
    }
    return null;
  }

  private void checkViews(Connection c) throws SQLException {
    List<Acct> acct = new ArrayList<>();
    List<Dim> dim = new ArrayList<>();
    for (CrashWriter w : writers) {
      acct.addAll(w.accounts().values());
      dim.addAll(w.dims().values());
    }
    for (View v : CrashViews.ALL) {
      List<String> view = CrashViews.canonical(query(c, "SELECT * FROM " + v.name()));
      List<String> adhoc = CrashViews.canonical(query(c, v.sql()));
      List<String> model = CrashViews.canonical(v.model().apply(acct, dim));
      rowsChecked += view.size();
      if (!view.equals(adhoc)) {
        viewMismatches++;
        problems.add("view " + v.name() + " differs from its query run ad hoc:"
            + difference(view, adhoc));
      }
      if (!view.equals(model)) {
        viewMismatches++;
        problems.add("view " + v.name() + " differs from the model of the acknowledged rows:"
            + difference(view, model));
      }
    }
  }

  /** What one sorted multiset of rows has that the other lacks, and the reverse. */
  private static String difference(List<String> view, List<String> expected) {
    Map<String, Integer> counts = new TreeMap<>();
    view.forEach(r -> counts.merge(r, 1, Integer::sum));
    expected.forEach(r -> counts.merge(r, -1, Integer::sum));
    StringBuilder out = new StringBuilder(" view has " + view.size() + " rows, expected "
        + expected.size());
    int shown = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() != 0 && shown++ < 10) {
        out.append("\n    ").append(e.getValue() > 0 ? "extra " : "missing ")
            .append(Math.abs(e.getValue())).append(" x ").append(e.getKey());
      }
    }
    return out.toString();
  }
}
