package io.sluice.bench;

import io.sluice.server.DatabaseConfig;
import io.sluice.server.Session;
import io.sluice.server.StatementResult;
import io.sluice.server.statement.Prepared;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench freshness}: the time from an acknowledged INSERT to its effect being visible in a
 * materialized view, in process. A writer session inserts rows {@code 0, 1, 2, ...} at a steady
 * rate into {@code t(id, k, v)} with {@code k = id % keys}, and notes when each INSERT returns
 * (t0). A reader session with {@code view_reads = committed} polls the view {@code SELECT k,
 * COUNT(*) AS n FROM t GROUP BY k} as fast as it can; once key k's count reaches n, the rows
 * {@code k, k + keys, ..., k + (n - 1) * keys} are visible, and the end of the first poll that
 * shows a row is its t1. Latency = t1 - t0. A poll shows the view as of a moment inside the poll,
 * so t1 is late by at most one poll: the poll cost printed is the resolution.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
    description = "Acknowledged INSERT to visible in a materialized view (view_reads = "
        + "committed), in process; p50/p99/p99.9/max.")
final class FreshnessBenchmark implements Callable<Integer> {
  private static final double TARGET_P99_MS = 150;
  private static final String TABLE = "fresh_t";
  private static final String VIEW = "fresh_v";

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "ROWS_PER_S",
      description = "Rows inserted per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--batch", defaultValue = "1", paramLabel = "B",
      description = "Rows per INSERT statement, all acknowledged together "
          + "(default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--samples", defaultValue = "5000", paramLabel = "N",
      description = "Measured rows (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--warmup-samples", defaultValue = "1000", paramLabel = "N",
      description = "Rows inserted and followed first, not measured (default: "
          + "${DEFAULT-VALUE}).")
  int warmupSamples;

  @Option(names = "--keys", defaultValue = "16", paramLabel = "K",
      description = "Keys of the view's GROUP BY (default: ${DEFAULT-VALUE}).")
  int keys;

  @Option(names = "--barrier-interval", defaultValue = "100", paramLabel = "MS",
      description = "Time between epochs (default: ${DEFAULT-VALUE}, the database's default).")
  long barrierIntervalMillis;

  @Option(names = "--poll-pause-us", defaultValue = "0", paramLabel = "US",
      description = "Pause between polls in microseconds (default: ${DEFAULT-VALUE}, poll "
          + "back to back).")
  long pollPauseMicros;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "Give up when a row is not visible this long after the last INSERT "
          + "(default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin
  EmbeddedOptions embedded = new EmbeddedOptions();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (rate <= 0 || batch < 1 || samples < 1 || warmupSamples < 0 || keys < 1
        || barrierIntervalMillis < 1 || pollPauseMicros < 0) {
      System.err.println("--rate, --batch, --samples, --keys and --barrier-interval must be "
          + "positive; --warmup-samples and --poll-pause-us >= 0");
      return BenchMain.EXIT_FAILED;
    }
    int total = warmupSamples + samples;
    out.printf(Locale.ROOT, "%n== freshness: %,d rows at %,.0f rows/s in INSERTs of %d, %,d "
        + "measured after %,d warm-up; view over %d keys; epoch every %d ms ==%n", total, rate,
        batch, samples, warmupSamples, keys, barrierIntervalMillis);
    String result;
    boolean ok;
    try (EmbeddedDatabase db = EmbeddedDatabase.open(embedded, barrierIntervalMillis, out);
        Session writerSession = db.newSession();
        Session readerSession = db.newSession()) {
      writerSession.execute("CREATE TABLE " + TABLE
          + " (id BIGINT PRIMARY KEY, k BIGINT NOT NULL, v BIGINT NOT NULL)");
      writerSession.execute("CREATE MATERIALIZED VIEW " + VIEW + " AS SELECT k, COUNT(*) AS n "
          + "FROM " + TABLE + " GROUP BY k");
      readerSession.execute("SET view_reads = committed");

      Writer writer = new Writer(writerSession, total);
      Reader reader = new Reader(readerSession, total, writer);
      long epochBefore = db.coordinator().committedEpoch();
      long begin = System.nanoTime();
      Thread w = new Thread(writer, "sluice-bench-writer");
      Thread r = new Thread(reader, "sluice-bench-reader");
      r.start();
      w.start();
      w.join();
      r.join();
      double seconds = (System.nanoTime() - begin) / 1e9;
      long epochs = db.coordinator().committedEpoch() - epochBefore;
      if (writer.failure != null) {
        throw writer.failure;
      }
      if (reader.failure != null) {
        throw reader.failure;
      }

      LatencyRecorder latencies = new LatencyRecorder();
      long beforeAck = 0;
      for (int id = warmupSamples; id < total; id++) {
        if (reader.seen[id] == 0) {
          continue;
        }
        long l = reader.seen[id] - writer.acked[id];
        if (l < 0) {
          beforeAck++;
          l = 0;
        }
        latencies.record(l);
      }
      LatencySummary lat = LatencyRecorder.merge(List.of(latencies));
      LatencySummary polls = LatencyRecorder.merge(List.of(reader.polls));
      LatencySummary acks = LatencyRecorder.merge(List.of(writer.statements));
      double achievedRate = total / writer.seconds;
      out.printf(Locale.ROOT, "wrote %,d rows in %.2f s (%,.0f rows/s; the writer was at most "
          + "%.1f ms behind its schedule); %d epochs in %.1f s (%.1f ms apart on average)%n",
          total, writer.seconds, achievedRate, writer.maxLateNanos / 1e6, epochs, seconds,
          seconds * 1000 / Math.max(1, epochs));
      out.printf(Locale.ROOT, "INSERT acknowledged in ms: p50 %.2f  p99 %.2f  max %.2f%n",
          acks.percentileMs(50), acks.percentileMs(99), acks.maxMs());
      out.printf(Locale.ROOT, "poll (SELECT k, n FROM %s, view_reads = committed): %,d polls, "
          + "ms p50 %.3f  p99 %.3f  max %.3f  mean %.3f (the resolution of t1)%n", VIEW,
          polls.count(), polls.percentileMs(50), polls.percentileMs(99), polls.maxMs(),
          polls.meanMs());
      out.printf(Locale.ROOT, "ack to visible in ms (%,d rows): p50 %.1f  p90 %.1f  p99 %.1f  "
          + "p99.9 %.1f  max %.1f  mean %.1f; %,d rows visible before their INSERT returned "
          + "(counted as 0)%n", lat.count(), lat.percentileMs(50), lat.percentileMs(90),
          lat.percentileMs(99), lat.percentileMs(99.9), lat.maxMs(), lat.meanMs(), beforeAck);

      ok = verify(db, writerSession, total, reader, out);
      result = new ResultLine("RESULT", "freshness")
          .add("rate", rate, 0)
          .add("batch", batch)
          .add("barrier_ms", barrierIntervalMillis)
          .add("samples", lat.count())
          .add("p50_ms", lat.percentileMs(50), 1)
          .add("p99_ms", lat.percentileMs(99), 1)
          .add("p999_ms", lat.percentileMs(99.9), 1)
          .add("max_ms", lat.maxMs(), 1)
          .add("mean_ms", lat.meanMs(), 1)
          .add("poll_p50_ms", polls.percentileMs(50), 3)
          .add("poll_p99_ms", polls.percentileMs(99), 3)
          .add("achieved_rows_per_s", achievedRate, 0)
          .add("epoch_ms", seconds * 1000 / Math.max(1, epochs), 1)
          .add("target_p99_ms", TARGET_P99_MS, 0)
          .add("meets_target", lat.percentileMs(99) < TARGET_P99_MS ? "yes" : "no")
          .add("status", ok ? "ok" : "WRONG_DATA")
          .toString();
    }
    out.println();
    out.println(result);
    out.println(MachineInfo.embeddedLine(!embedded.noFsync));
    return ok ? 0 : BenchMain.EXIT_WRONG_DATA;
  }

  /** Checks that every row was seen, counts never went back, and the view is right. */
  private boolean verify(EmbeddedDatabase db, Session s, int total, Reader reader,
      PrintStream out) throws Exception {
    List<String> problems = new ArrayList<>();
    if (reader.unseen > 0) {
      problems.add(String.format(Locale.ROOT, "%,d rows never became visible within %d s of "
          + "the last INSERT", reader.unseen, timeoutSeconds));
    }
    if (reader.regressions > 0) {
      problems.add(String.format(Locale.ROOT, "a key's count went down %,d times between polls "
          + "(first: %s)", reader.regressions, reader.firstRegression));
    }
    db.awaitFresh(timeoutSeconds, out);
    List<Object[]> expected = new ArrayList<>();
    for (int k = 0; k < keys && k < total; k++) {
      expected.add(new Object[] {(long) k, (long) ((total - 1 - k) / keys + 1)});
    }
    List<Object[]> view = EmbeddedDatabase.rows(s, "SELECT k, n FROM " + VIEW);
    List<String> differences = RowMultiset.differences(expected, view, 10);
    if (!differences.isEmpty()) {
      problems.add("the view differs from the rows written: " + differences);
    }
    List<Object[]> adhoc = EmbeddedDatabase.rows(s, "SELECT k, COUNT(*) FROM " + TABLE
        + " GROUP BY k");
    differences = RowMultiset.differences(expected, adhoc, 10);
    if (!differences.isEmpty()) {
      problems.add("the table differs from the rows written: " + differences);
    }
    if (problems.isEmpty()) {
      out.printf(Locale.ROOT, "verify: every row became visible; view and table hold the %,d "
          + "rows written: ok%n", total);
      return true;
    }
    for (String p : problems) {
      out.println("!!! WRONG DATA: " + p);
      System.err.println("!!! WRONG DATA: " + p);
    }
    return false;
  }

  /** Inserts rows {@code 0..total-1} on schedule and notes when each is acknowledged. */
  private final class Writer implements Runnable {
    final Session session;
    final long[] acked;
    final LatencyRecorder statements = new LatencyRecorder();
    volatile boolean done;
    volatile long doneAt;
    volatile Exception failure;
    long maxLateNanos;
    double seconds;

    Writer(Session session, int total) {
      this.session = session;
      this.acked = new long[total];
    }

    @Override
    public void run() {
      try {
        Prepared full = session.prepare(RowInserter.insertSql(TABLE, 3, batch));
        long begin = System.nanoTime();
        double nanosPerRow = 1e9 / rate;
        for (int first = 0; first < acked.length; first += batch) {
          int count = Math.min(batch, acked.length - first);
          long due = begin + (long) (first * nanosPerRow);
          long now;
          while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
          }
          maxLateNanos = Math.max(maxLateNanos, now - due);
          List<Object> params = new ArrayList<>(3 * count);
          for (int id = first; id < first + count; id++) {
            params.add((long) id);
            params.add((long) (id % keys));
            params.add((long) id);
          }
          Prepared p = count == batch ? full
              : session.prepare(RowInserter.insertSql(TABLE, 3, count));
          long t0 = System.nanoTime();
          p.execute(params);
          long ack = System.nanoTime();
          statements.record(ack - t0);
          for (int id = first; id < first + count; id++) {
            acked[id] = ack;
          }
        }
        seconds = (System.nanoTime() - begin) / 1e9;
      } catch (Exception e) {
        failure = e;
      } finally {
        doneAt = System.nanoTime();
        done = true;
      }
    }
  }

  /** Polls the view and notes when each row first shows in it. */
  private final class Reader implements Runnable {
    final Session session;
    final Writer writer;
    final long[] seen;
    final LatencyRecorder polls = new LatencyRecorder();
    long unseen;
    long regressions;
    String firstRegression;
    volatile Exception failure;

    Reader(Session session, int total, Writer writer) {
      this.session = session;
      this.writer = writer;
      this.seen = new long[total];
    }

    @Override
    public void run() {
      try {
        Prepared poll = session.prepare("SELECT k, n FROM " + VIEW);
        long[] visible = new long[keys];
        long remaining = seen.length;
        while (remaining > 0) {
          long p0 = System.nanoTime();
          StatementResult.Rows rows = (StatementResult.Rows) poll.execute(List.of());
          long p1 = System.nanoTime();
          polls.record(p1 - p0);
          for (Object[] row : rows.rows()) {
            int k = (int) ((Number) row[0]).longValue();
            long n = ((Number) row[1]).longValue();
            if (n < visible[k]) {
              if (regressions++ == 0) {
                firstRegression = "key " + k + " from " + visible[k] + " to " + n;
              }
              continue;
            }
            for (long ordinal = visible[k]; ordinal < n; ordinal++) {
              long id = ordinal * keys + k;
              if (id < seen.length) {
                seen[(int) id] = p1;
                remaining--;
              }
            }
            visible[k] = n;
          }
          if (writer.failure != null) {
            break;
          }
          if (writer.done && System.nanoTime() - writer.doneAt
              > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
            break;
          }
          if (pollPauseMicros > 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pollPauseMicros));
          }
        }
        unseen = remaining;
      } catch (Exception e) {
        failure = e;
      }
    }
  }
}
