package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench large-view}: a materialized view whose state is larger than the heap. Rows
 * {@code (id, k)} with {@code k} spread over millions of keys ({@link KeySpread}) go into a table,
 * and {@code SELECT k, COUNT(*) AS n FROM t GROUP BY k} is maintained over them: in mode {@code
 * concurrent} the view exists while the rows are loaded (maintained epoch by epoch as they
 * arrive); in mode {@code backfill} it is created after the load (its CREATE returns once it has
 * read the whole table); {@code both} does one and then the other on the same table. Meant to
 * run with a small heap: {@code SLUICE_JAVA_OPTS=-Xmx512m bin/sluice bench large-view}.
 */
@Command(name = "large-view", mixinStandardHelpOptions = true,
    description = "A GROUP BY view over millions of keys, maintained while rows load and/or "
        + "backfilled afterwards, to show that view state need not fit the heap (run with "
        + "SLUICE_JAVA_OPTS=-Xmx512m). Checks the view's counts.")
final class LargeViewBenchmark implements Callable<Integer> {
  private static final String TABLE = "large_t";

  /** When the view is created. */
  enum Mode { CONCURRENT, BACKFILL, BOTH }

  @Option(names = "--rows", defaultValue = "20000000", paramLabel = "N",
      description = "Rows loaded (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--keys", defaultValue = "5000000", paramLabel = "K",
      description = "Distinct keys (default: ${DEFAULT-VALUE}).")
  long keys;

  @Option(names = "--mode", defaultValue = "both", paramLabel = "MODE",
      description = "concurrent (view maintained while loading), backfill (view created "
          + "after loading) or both (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(names = "--barrier-interval", defaultValue = "100", paramLabel = "MS",
      description = "Time between epochs (default: ${DEFAULT-VALUE}).")
  long barrierIntervalMillis;

  @Option(names = "--adhoc-check",
      description = "Also run the view's query ad hoc over the table and compare (its "
          + "aggregation state is on the heap: needs room for every key).")
  boolean adhocCheck;

  @Option(names = "--timeout", defaultValue = "1800", paramLabel = "SECONDS",
      description = "Give up when the view is not fresh this long after the load "
          + "(default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin
  EmbeddedOptions embedded = new EmbeddedOptions();

  private static String viewQuery() {
    return "SELECT k, COUNT(*) AS n FROM " + TABLE + " GROUP BY k";
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (rows < 1 || keys < 1 || keys > 3_000_000_000L || barrierIntervalMillis < 1) {
      System.err.println("--rows, --keys (at most 3e9) and --barrier-interval must be positive");
      return BenchMain.EXIT_FAILED;
    }
    KeySpread spread = KeySpread.of(keys);
    out.printf(Locale.ROOT, "%n== large-view: %,d rows over %,d keys, mode %s, max heap %,d MiB,"
        + " epoch every %d ms ==%n", rows, keys, mode.name().toLowerCase(Locale.ROOT),
        JvmMemory.maxHeapMb(), barrierIntervalMillis);
    JvmMemory.resetPeaks();
    List<String> results = new ArrayList<>();
    boolean ok = true;
    try (EmbeddedDatabase db = EmbeddedDatabase.open(embedded, barrierIntervalMillis, out);
        Session s = db.newSession()) {
      s.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)");
      boolean live = mode != Mode.BACKFILL;
      String liveView = "large_live_v";
      if (live) {
        s.execute("CREATE MATERIALIZED VIEW " + liveView + " AS " + viewQuery());
      }

      long t0 = System.nanoTime();
      RowInserter in;
      try (ProgressReporter progress = new ProgressReporter("load", "rows", rows, out,
          () -> viewLine(db, liveView, live))) {
        in = new RowInserter(s, TABLE, 2, progress.done());
        for (long id = 0; id < rows; id++) {
          in.add(id, spread.key(id));
        }
        in.flush();
      }
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "loaded %,d rows in %,d writes in %.1f s: %,.0f rows/s%s%n", rows,
          in.writes(), loadSeconds, rows / loadSeconds,
          live ? " (the view maintained meanwhile)" : "");
      KeySpread.Expected expected = spread.expected(rows);

      if (live) {
        long t1 = System.nanoTime();
        db.awaitFresh(timeoutSeconds, out);
        double lagSeconds = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "view %s fresh %.2f s after the last write%n", liveView,
            lagSeconds);
        boolean v = verify(s, liveView, expected, out);
        ok &= v;
        results.add(result(db, s, liveView, "concurrent", v)
            .add("load_rows_per_s", rows / loadSeconds, 0)
            .add("lag_after_load_s", lagSeconds, 2)
            .add("status", v ? "ok" : "WRONG_DATA").toString());
      }
      if (mode != Mode.CONCURRENT) {
        String view = "large_backfill_v";
        long t1 = System.nanoTime();
        try (ProgressReporter progress = new ProgressReporter("backfill", null, 0, out,
            () -> viewLine(db, view, true))) {
          s.execute("CREATE MATERIALIZED VIEW " + view + " AS " + viewQuery());
        }
        double backfillSeconds = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "CREATE MATERIALIZED VIEW %s (backfill of %,d rows) took %.1f s:"
            + " %,.0f rows/s%n", view, rows, backfillSeconds, rows / backfillSeconds);
        db.awaitFresh(timeoutSeconds, out);
        boolean v = verify(s, view, expected, out);
        ok &= v;
        results.add(result(db, s, view, "backfill", v)
            .add("load_rows_per_s", rows / loadSeconds, 0)
            .add("backfill_s", backfillSeconds, 1)
            .add("backfill_rows_per_s", rows / backfillSeconds, 0)
            .add("status", v ? "ok" : "WRONG_DATA").toString());
      }
      if (adhocCheck) {
        ok &= check(out, "ad hoc query over " + TABLE, aggregates(s,
            "(" + viewQuery() + ") AS x"), expected);
      }
      long disk = db.diskBytes();
      out.printf(Locale.ROOT, "heap: max %,d MiB, %,d MiB in use after a full GC, peak at most "
          + "%,d MiB; process resident %,d MiB; database on disk %,.0f MiB%n",
          JvmMemory.maxHeapMb(), JvmMemory.usedHeapAfterGcMb(), JvmMemory.peakHeapMb(),
          JvmMemory.residentMb(), disk / 1048576.0);
    }
    out.println();
    for (String r : results) {
      out.println(r);
    }
    out.println(MachineInfo.embeddedLine(!embedded.noFsync));
    return ok ? 0 : BenchMain.EXIT_WRONG_DATA;
  }

  /** The start of a RESULT line for a view: sizes, state, heap and disk. */
  private ResultLine result(EmbeddedDatabase db, Session s, String view, String viewMode,
      boolean ok) {
    EmbeddedDatabase.ViewStatus st = db.viewStatus(s, view);
    return new ResultLine("RESULT", "large-view")
        .add("mode", viewMode)
        .add("rows", rows)
        .add("keys", keys)
        .add("view_rows", st == null ? -1 : st.rowCount())
        .add("state_mb", st == null ? Double.NaN : st.stateBytes() / 1048576.0, 0)
        .add("disk_mb", db.diskBytes() / 1048576.0, 0)
        .add("max_heap_mb", JvmMemory.maxHeapMb())
        .add("heap_after_gc_mb", JvmMemory.usedHeapAfterGcMb())
        .add("heap_peak_mb", JvmMemory.peakHeapMb())
        .add("rss_mb", JvmMemory.residentMb());
  }

  /** How a view stands, for progress lines. */
  private static String viewLine(EmbeddedDatabase db, String view, boolean exists) {
    Runtime rt = Runtime.getRuntime();
    String heap = String.format(Locale.ROOT, "heap %,d MiB", (rt.totalMemory() - rt.freeMemory())
        / (1024 * 1024));
    if (!exists) {
      return heap;
    }
    for (Object[] row : db.database().views().statusRows()) {
      if (view.equals(row[1])) {
        return String.format(Locale.ROOT, "view %s epoch %s, %,d rows, state %,.0f MiB; %s",
            row[2], row[3], ((Number) row[4]).longValue(), ((Number) row[5]).longValue()
            / 1048576.0, heap);
      }
    }
    return heap;
  }

  /** COUNT(*), SUM(n), MIN(n), MAX(n), SUM(k), SUM(k * n) over a relation of (k, n). */
  private static long[] aggregates(Session s, String relation) {
    Object[] row = EmbeddedDatabase.rows(s, "SELECT COUNT(*), SUM(n), MIN(n), MAX(n), SUM(k), "
        + "SUM(k * n) FROM " + relation).get(0);
    long[] values = new long[row.length];
    for (int i = 0; i < row.length; i++) {
      values[i] = row[i] == null ? 0 : ((Number) row[i]).longValue();
    }
    return values;
  }

  private boolean verify(Session s, String view, KeySpread.Expected expected, PrintStream out) {
    long t0 = System.nanoTime();
    boolean ok = check(out, "view " + view, aggregates(s, view), expected)
        & check(out, "table " + TABLE, new long[] {
            ((Number) EmbeddedDatabase.rows(s, "SELECT COUNT(*) FROM " + TABLE).get(0)[0])
                .longValue()}, expected);
    out.printf(Locale.ROOT, "  (checked in %.1f s)%n", (System.nanoTime() - t0) / 1e9);
    return ok;
  }

  /**
   * Compares aggregates with the expected ones; a single value is a row count of the table,
   * compared with the rows loaded.
   */
  private boolean check(PrintStream out, String what, long[] actual,
      KeySpread.Expected e) {
    long[] want = actual.length == 1 ? new long[] {rows}
        : new long[] {e.groups(), e.sumN(), e.minN(), e.maxN(), e.sumK(), e.sumKN()};
    String names = actual.length == 1 ? "COUNT(*)"
        : "COUNT(*), SUM(n), MIN(n), MAX(n), SUM(k), SUM(k*n)";
    boolean ok = Arrays.equals(actual, want);
    String line = String.format(Locale.ROOT, "verify %s: %s = %s%s", what, names,
        Arrays.toString(actual), ok ? ": ok" : " but expected " + Arrays.toString(want));
    if (ok) {
      out.println(line);
    } else {
      out.println("!!! WRONG DATA: " + line);
      System.err.println("!!! WRONG DATA: " + line);
    }
    return ok;
  }
}
