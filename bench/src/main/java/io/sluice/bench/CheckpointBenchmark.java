package io.sluice.bench;

import io.sluice.server.Session;
import io.sluice.server.statement.Prepared;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench checkpoint}: what checkpoints cost with a large state, and how fast a killed
 * server is back.
 *
 * <ol>
 *   <li>Loads {@code --rows} rows of {@code (id, k, pad)} into a table followed by a view that
 *       holds every row ({@code SELECT id, k, pad FROM t WHERE k >= 0}), in process, until the
 *       view's state reaches about {@code --state-gb}; waits for RocksDB's compactions to
 *       settle.</li>
 *   <li>The first CHECKPOINT: its time and bytes.</li>
 *   <li>Updates {@code --changed-percent} of the rows, chosen at random, and takes a second
 *       CHECKPOINT: its time and bytes against the first (target: under 10% of both).</li>
 *   <li>Maintenance throughput: with epochs paused, inserts {@code --maintenance-rows} rows,
 *       then times the view catching up, without periodic checkpoints and then with one every
 *       {@code --checkpoint-every} (target: within 10%).</li>
 *   <li>Restart after a kill: a server process on the same data directory takes writes, is
 *       killed with SIGKILL, and is started again; the time from the new process's start until
 *       a fresh read of a count view over the table answers (target: under 5 s); then the
 *       count, the table and the big view must agree, and hold every acknowledged row.</li>
 * </ol>
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = "Checkpoint time and bytes with ~2 GB of view state (first, then after "
        + "changing 1% of keys), view maintenance with and without periodic checkpoints, and "
        + "restart-to-consistent-reads after SIGKILL.")
final class CheckpointBenchmark implements Callable<Integer> {
  private static final String TABLE = "ck_t";
  private static final String VIEW = "ck_v";
  /** A global count over the table: a fresh read of it is cheap and proves the view current. */
  private static final String COUNT_VIEW = "ck_n";
  private static final double TARGET_RATIO = 0.10;
  private static final double TARGET_RESTART_S = 5;

  @Option(names = "--state-gb", defaultValue = "2", paramLabel = "GB",
      description = "View state to build, in GiB on disk (default: ${DEFAULT-VALUE}).")
  double stateGb;

  @Option(names = "--pad", defaultValue = "200", paramLabel = "CHARS",
      description = "Characters of random text per row (default: ${DEFAULT-VALUE}).")
  int pad;

  @Option(names = "--changed-percent", defaultValue = "1", paramLabel = "P",
      description = "Percent of rows updated before the second checkpoint (default: "
          + "${DEFAULT-VALUE}).")
  double changedPercent;

  @Option(names = "--maintenance-rows", defaultValue = "1000000", paramLabel = "N",
      description = "Rows per maintenance-throughput run (default: ${DEFAULT-VALUE}).")
  int maintenanceRows;

  @Option(names = "--maintenance-runs", defaultValue = "3", paramLabel = "N",
      description = "Runs of each setting, alternating (default: ${DEFAULT-VALUE}).")
  int maintenanceRuns;

  @Option(names = "--checkpoint-every", defaultValue = "1s", paramLabel = "DURATION",
      description = "Periodic checkpoint interval of the second maintenance run (default: "
          + "${DEFAULT-VALUE}).")
  String checkpointEvery;

  @Option(names = "--kill-writes-seconds", defaultValue = "5", paramLabel = "S",
      description = "How long the server takes writes before it is killed (default: "
          + "${DEFAULT-VALUE}).")
  int killWritesSeconds;

  @Option(names = "--skip-kill", description = "Leave out the restart-after-kill phase.")
  boolean skipKill;

  @Mixin
  EmbeddedOptions embedded = new EmbeddedOptions();


  private final SplittableRandom random = new SplittableRandom(42);

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    boolean ok = true;
    out.printf(Locale.ROOT, "%n== checkpoint: ~%.1f GiB of view state, %d-char rows, %.1f%% "
        + "changed; maintenance %,d rows; restart after SIGKILL ==%n", stateGb, pad,
        changedPercent, maintenanceRows);
    try (EmbeddedDatabase db = EmbeddedDatabase.open(embedded, 100, out);
        Session s = db.newSession()) {
      s.execute("ALTER SYSTEM SET checkpoint.interval = 0");
      s.execute("ALTER SYSTEM SET checkpoint.retain = 10");
      s.execute("CREATE TABLE " + TABLE
          + " (id BIGINT PRIMARY KEY, k BIGINT NOT NULL, pad VARCHAR NOT NULL)");
      s.execute("CREATE MATERIALIZED VIEW " + VIEW + " AS SELECT id, k, pad FROM " + TABLE
          + " WHERE k >= 0");
      s.execute("CREATE MATERIALIZED VIEW " + COUNT_VIEW + " AS SELECT COUNT(*) AS n FROM "
          + TABLE);

      long rows = load(db, s, out);
      long settle = settle(db.database().store());
      long stateBytes = stateBytes(s);
      out.printf(Locale.ROOT, "state %.2f GiB of view state; data directory %.2f GiB; "
          + "compactions settled in %.1f s%n", stateBytes / GIB, db.diskBytes() / GIB,
          settle / 1000.0);

      long[] first = checkpoint(s);
      out.println(new ResultLine("RESULT", "checkpoint-first").add("rows", rows)
          .add("state_bytes", stateBytes).add("ms", first[0]).add("bytes_added", first[1])
          .add("total_bytes", first[2]));

      long changed = update(s, rows);
      s.execute("SELECT COUNT(*) FROM " + VIEW);
      long[] second = checkpoint(s);
      double timeRatio = (double) second[0] / Math.max(1, first[0]);
      double bytesRatio = (double) second[1] / Math.max(1, first[1]);
      boolean met = timeRatio < TARGET_RATIO && bytesRatio < TARGET_RATIO;
      ok &= met;
      out.println(new ResultLine("RESULT", "checkpoint-after-change").add("changed_rows", changed)
          .add("ms", second[0]).add("bytes_added", second[1]).add("total_bytes", second[2])
          .add("time_ratio", timeRatio, 3).add("bytes_ratio", bytesRatio, 3)
          .add("target", "<" + TARGET_RATIO).add("met", met));

      // Alternating runs, so that the background work of one (compactions) does not favour
      // one setting; each setting's rate is its rows over its total time.
      double noneSeconds = 0;
      double withSeconds = 0;
      long nextId = rows;
      for (int run = 0; run < maintenanceRuns; run++) {
        noneSeconds += maintenance(db, s, nextId, "0", out);
        nextId += maintenanceRows;
        withSeconds += maintenance(db, s, nextId, checkpointEvery, out);
        nextId += maintenanceRows;
      }
      double none = (double) maintenanceRows * maintenanceRuns / noneSeconds;
      double with = (double) maintenanceRows * maintenanceRuns / withSeconds;
      long periodic = count(s, "SELECT COUNT(*) FROM sys.checkpoints WHERE triggered_by ="
          + " 'periodic' AND status = 'completed'");
      s.execute("ALTER SYSTEM SET checkpoint.interval = 0");
      double ratio = with / none;
      boolean within = ratio >= 1 - TARGET_RATIO;
      ok &= within;
      out.println(new ResultLine("RESULT", "maintenance")
          .add("rows", (long) maintenanceRows * maintenanceRuns)
          .add("changes_per_s_no_checkpoints", none, 0)
          .add("changes_per_s_checkpoint_every_" + checkpointEvery, with, 0)
          .add("periodic_checkpoints", periodic).add("ratio", ratio, 3)
          .add("target", ">=" + (1 - TARGET_RATIO)).add("met", within));

      if (!skipKill) {
        long expected = rows + 2L * maintenanceRows * maintenanceRuns;
        db.database().close();
        ok &= killAndRestart(db, expected, out);
      }
    }
    return ok ? 0 : BenchMain.EXIT_FAILED;
  }

  private static final double GIB = 1024.0 * 1024 * 1024;

  /** Inserts rows until the view's state reaches the target; returns how many. */
  private long load(EmbeddedDatabase db, Session s, PrintStream out) {
    long target = (long) (stateGb * GIB);
    long id = 0;
    long start = System.nanoTime();
    long chunk = 500_000;
    while (true) {
      RowInserter inserter = new RowInserter(s, TABLE, 3, null);
      for (long end = id + chunk; id < end; id++) {
        inserter.add(id, id % 1000, text());
      }
      inserter.flush();
      s.execute("SELECT COUNT(*) FROM " + VIEW);
      long state = stateBytes(s);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "  loaded %,d rows in %.0f s (%,.0f rows/s), view state "
          + "%.2f GiB%n", id, seconds, id / seconds, state / GIB);
      if (state >= target) {
        return id;
      }
    }
  }

  private String text() {
    char[] c = new char[pad];
    for (int i = 0; i < pad; i++) {
      c[i] = (char) ('!' + random.nextInt(94));
    }
    return new String(c);
  }

  /**
   * Waits (up to two minutes) until RocksDB has no compaction running or pending, so that the
   * second checkpoint's files are those the change wrote, not the load's compactions. Memtables
   * are not flushed: flushing them is part of the first checkpoint's cost.
   */
  private static long settle(RocksDbStore store) throws InterruptedException {
    long start = System.currentTimeMillis();
    while (System.currentTimeMillis() - start < 120_000) {
      long busy = 0;
      for (Keyspace ks : Keyspace.values()) {
        busy += store.longProperty(ks, "rocksdb.num-running-compactions")
            + store.longProperty(ks, "rocksdb.compaction-pending");
      }
      if (busy == 0) {
        break;
      }
      Thread.sleep(200);
    }
    return System.currentTimeMillis() - start;
  }

  private static long stateBytes(Session s) {
    for (Object[] row : EmbeddedDatabase.rows(s,
        "SELECT state_bytes FROM sys.materialized_views WHERE table_name = '" + VIEW + "'")) {
      return ((Number) row[0]).longValue();
    }
    throw new IllegalStateException("the view is not listed");
  }

  /** Runs CHECKPOINT; returns its duration (ms), bytes added and total bytes. */
  private static long[] checkpoint(Session s) {
    Object[] row = EmbeddedDatabase.rows(s, "CHECKPOINT").get(0);
    return new long[] {((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
        ((Number) row[5]).longValue()};
  }

  /** Updates the pad of a random share of the rows; returns how many rows changed. */
  private long update(Session s, long rows) {
    long n = (long) (rows * changedPercent / 100);
    Prepared p = s.prepare("UPDATE " + TABLE + " SET pad = ? WHERE id = ?");
    List<List<Object>> batch = new ArrayList<>();
    java.util.BitSet chosen = new java.util.BitSet();
    long changed = 0;
    while (changed < n) {
      long id = random.nextLong(rows);
      if (chosen.get((int) id)) {
        continue;
      }
      chosen.set((int) id);
      batch.add(List.of(text(), id));
      changed++;
      if (batch.size() == 1000) {
        p.executeBatch(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      p.executeBatch(batch);
    }
    return changed;
  }

  /**
   * With epochs paused, inserts rows; then times the view catching up with the periodic
   * checkpoint interval set as given. Returns the seconds it took.
   */
  private double maintenance(EmbeddedDatabase db, Session s, long firstId, String interval,
      PrintStream out) throws InterruptedException {
    s.execute("ALTER SYSTEM SET checkpoint.interval = '" + interval + "'");
    db.coordinator().pause();
    RowInserter inserter = new RowInserter(s, TABLE, 3, null);
    for (long id = firstId; id < firstId + maintenanceRows; id++) {
      inserter.add(id, id % 1000, text());
    }
    inserter.flush();
    long start = System.nanoTime();
    db.coordinator().resume();
    db.coordinator().awaitFresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "  checkpoint.interval %s: %,d changes in %.2f s, %,.0f changes/s%n",
        interval, maintenanceRows, seconds, maintenanceRows / seconds);
    return seconds;
  }

  private static long count(Session s, String sql) {
    return ((Number) EmbeddedDatabase.rows(s, sql).get(0)[0]).longValue();
  }

  /**
   * A server on the database's directory takes writes; it is killed, started again, and timed
   * until a fresh read of the view equals the table with every acknowledged row.
   */
  private boolean killAndRestart(EmbeddedDatabase db, long rowsBefore, PrintStream out)
      throws Exception {
    ServerOptions server = new ServerOptions();
    server.noFsync = embedded.noFsync;
    server.driver = ClientDriver.SLUICE;
    AtomicLong acknowledged = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    ServerProcess first = ServerProcess.startOn(server, out, db.directory());
    Connection c = first.connect();
    try {
      Thread writer = new Thread(() -> {
        long id = 1L << 40;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
            + " VALUES (?, ?, ?)")) {
          while (!stop.get()) {
            for (int i = 0; i < 100; i++, id++) {
              ps.setLong(1, id);
              ps.setLong(2, id % 1000);
              ps.setString(3, "after-restart");
              ps.addBatch();
            }
            ps.executeBatch();
            acknowledged.addAndGet(100);
          }
        } catch (SQLException e) {
          // The kill ends the writer; what it saw acknowledged is counted.
        }
      }, "sluice-bench-kill-writer");
      writer.start();
      Thread.sleep(killWritesSeconds * 1000L);
      first.kill();
      stop.set(true);
      writer.join();
    } finally {
      try {
        c.close();
      } catch (SQLException e) {
        // The server is gone; there is nothing to close on its side.
      }
    }
    long start = System.nanoTime();
    try (ServerProcess second = ServerProcess.startOn(server, out, db.directory())) {
      double listening = (System.nanoTime() - start) / 1e9;
      try (Connection c2 = second.connect(); Statement st = c2.createStatement()) {
        // The first read: a fresh read of a view sees every acknowledged write, so once it
        // answers the server is back and consistent. Counting the big view takes a scan of
        // all its rows: that check comes after the clock stops.
        long counted = single(st, "SELECT n FROM " + COUNT_VIEW);
        double consistent = (System.nanoTime() - start) / 1e9;
        long tableRows = single(st, "SELECT COUNT(*) FROM " + TABLE);
        long viewRows = single(st, "SELECT COUNT(*) FROM " + VIEW);
        if (counted != tableRows) {
          out.printf("the count view says %d rows, the table has %d%n", counted, tableRows);
          viewRows = -1;
        }
        long lost = Math.max(0, rowsBefore + acknowledged.get() - tableRows);
        boolean met = consistent < TARGET_RESTART_S && viewRows == tableRows && lost == 0;
        out.println(new ResultLine("RESULT", "restart-after-kill")
            .add("acknowledged_before_kill", acknowledged.get()).add("table_rows", tableRows)
            .add("view_rows", viewRows).add("lost", lost)
            .add("listening_s", listening, 2).add("consistent_read_s", consistent, 2)
            .add("target_s", "<" + TARGET_RESTART_S).add("met", met));
        return met;
      }
    }
  }

  private static long single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
