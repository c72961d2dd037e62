package io.sluice.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench stream-latency}: the time from an acknowledged INSERT to its row arriving in a
 * {@code SELECT STREAM} result set, against a server process over the remote driver. Writers
 * insert rows {@code 0, 1, 2, ...} into {@code t(id, k, v)} on a steady schedule, one row per
 * INSERT, each noting when its INSERT returned (t0); each stream ({@code SELECT STREAM id, k, v
 * FROM t WHERE v >= 0}, on its own connection) notes when {@code ResultSet.next()} returned the
 * row (t1). Latency = t1 - t0 (0 when the row arrived before its INSERT returned). The server
 * runs with its default barrier interval (100 ms).
 */
@Command(name = "stream-latency", mixinStandardHelpOptions = true,
    description = "Acknowledged INSERT to row received by SELECT STREAM over the remote driver; "
        + "p50/p99/max.")
final class StreamLatencyBenchmark implements Callable<Integer> {
  private static final double TARGET_P99_MS = 300;
  private static final String TABLE = "stream_lat_t";

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "ROWS_PER_S",
      description = "Rows inserted per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--samples", defaultValue = "10000", paramLabel = "N",
      description = "Measured rows (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--warmup-samples", defaultValue = "2000", paramLabel = "N",
      description = "Rows inserted and streamed first, not measured (default: "
          + "${DEFAULT-VALUE}).")
  int warmupSamples;

  @Option(names = "--writers", defaultValue = "4", paramLabel = "W",
      description = "Writer connections sharing the schedule (default: ${DEFAULT-VALUE}; an "
          + "fsynced single-row INSERT takes a few ms, so one writer cannot keep 1,000/s).")
  int writers;

  @Option(names = "--streams", defaultValue = "1", paramLabel = "S",
      description = "Concurrent streams, one connection each (default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "Give up when a row has not arrived this long after the last INSERT "
          + "(default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin
  ServerOptions server = new ServerOptions();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (rate <= 0 || samples < 1 || warmupSamples < 0 || writers < 1 || streams < 1) {
      System.err.println("--rate, --samples, --writers and --streams must be positive; "
          + "--warmup-samples >= 0");
      return BenchMain.EXIT_FAILED;
    }
    int total = warmupSamples + samples;
    out.printf(Locale.ROOT, "%n== stream-latency: %,d rows at %,.0f rows/s (single-row INSERTs"
        + " from %d writers), %,d measured after %,d warm-up; %d stream(s); fsync %s ==%n",
        total, rate, writers, samples, warmupSamples, streams, server.noFsync ? "off" : "on");
    String result;
    boolean ok;
    try (ServerProcess process = ServerProcess.start(server, out)) {
      try (Connection admin = process.connect(); Statement st = admin.createStatement()) {
        st.execute("CREATE TABLE " + TABLE
            + " (id BIGINT PRIMARY KEY, k BIGINT NOT NULL, v BIGINT NOT NULL)");
      }
      long[] acked = new long[total];
      List<Reader> readers = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        readers.add(new Reader(process.connect(), total, acked));
      }
      for (Reader r : readers) {
        r.thread.start();
      }
      for (Reader r : readers) {
        r.started.await();
      }
      Schedule schedule = new Schedule(total, acked);
      List<Thread> writerThreads = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Connection c = process.connect();
        Thread t = new Thread(() -> schedule.write(c), "sluice-bench-writer-" + i);
        writerThreads.add(t);
      }
      for (Thread t : writerThreads) {
        t.start();
      }
      for (Thread t : writerThreads) {
        t.join();
      }
      long writersDone = System.nanoTime();
      for (Reader r : readers) {
        r.awaitAll(writersDone + TimeUnit.SECONDS.toNanos(timeoutSeconds));
      }
      if (schedule.failure != null) {
        throw schedule.failure;
      }
      LatencyRecorder latencies = new LatencyRecorder();
      long beforeAck = 0;
      long missing = 0;
      long wrong = 0;
      for (Reader r : readers) {
        if (r.failure != null) {
          throw r.failure;
        }
        missing += r.missing();
        wrong += r.wrong;
        for (int id = warmupSamples; id < total; id++) {
          if (r.seen[id] == 0) {
            continue;
          }
          long l = r.seen[id] - acked[id];
          if (l < 0) {
            beforeAck++;
            l = 0;
          }
          latencies.record(l);
        }
      }
      for (Reader r : readers) {
        r.close();
      }
      LatencySummary lat = LatencyRecorder.merge(List.of(latencies));
      LatencySummary acks = LatencyRecorder.merge(List.of(schedule.statements));
      out.printf(Locale.ROOT, "wrote %,d rows in %.2f s (%,.0f rows/s; the writers were at most"
          + " %.1f ms behind schedule)%n", total, schedule.seconds(), total / schedule.seconds(),
          schedule.maxLateNanos / 1e6);
      out.printf(Locale.ROOT, "INSERT acknowledged in ms: p50 %.2f  p99 %.2f  max %.2f%n",
          acks.percentileMs(50), acks.percentileMs(99), acks.maxMs());
      out.printf(Locale.ROOT, "ack to row received in ms (%,d rows): p50 %.1f  p90 %.1f  p99 "
          + "%.1f  p99.9 %.1f  max %.1f  mean %.1f; %,d rows arrived before their INSERT "
          + "returned (counted as 0)%n", lat.count(), lat.percentileMs(50),
          lat.percentileMs(90), lat.percentileMs(99), lat.percentileMs(99.9), lat.maxMs(),
          lat.meanMs(), beforeAck);
      ok = missing == 0 && wrong == 0;
      if (ok) {
        out.printf(Locale.ROOT, "verify: every stream received each of the %,d rows exactly "
            + "once, as +I: ok%n", total);
      } else {
        String message = String.format(Locale.ROOT, "!!! WRONG DATA: %,d rows never arrived "
            + "within %d s, %,d unexpected rows (duplicates or not +I)", missing,
            timeoutSeconds, wrong);
        out.println(message);
        System.err.println(message);
      }
      result = new ResultLine("RESULT", "stream-latency")
          .add("rate", rate, 0)
          .add("streams", streams)
          .add("samples", lat.count())
          .add("p50_ms", lat.percentileMs(50), 1)
          .add("p99_ms", lat.percentileMs(99), 1)
          .add("p999_ms", lat.percentileMs(99.9), 1)
          .add("max_ms", lat.maxMs(), 1)
          .add("achieved_rows_per_s", total / schedule.seconds(), 0)
          .add("target_p99_ms", TARGET_P99_MS, 0)
          .add("meets_target", lat.percentileMs(99) < TARGET_P99_MS ? "yes" : "no")
          .add("status", ok ? "ok" : "WRONG_DATA")
          .toString();
    }
    out.println();
    out.println(result);
    out.println(MachineInfo.line(server));
    return ok ? 0 : BenchMain.EXIT_WRONG_DATA;
  }

  /** Rows 0..total-1, each due at begin + id / rate, handed to whichever writer is free. */
  private final class Schedule {
    final long[] acked;
    final AtomicInteger next = new AtomicInteger();
    final LatencyRecorder statements = new LatencyRecorder();
    final long begin = System.nanoTime();
    volatile long end;
    volatile long maxLateNanos;
    volatile Exception failure;

    Schedule(int total, long[] acked) {
      this.acked = acked;
    }

    void write(Connection c) {
      double nanosPerRow = 1e9 / rate;
      try (c; PreparedStatement ps = c.prepareStatement(RowInserter.insertSql(TABLE, 3, 1))) {
        int id;
        while ((id = next.getAndIncrement()) < acked.length && failure == null) {
          long due = begin + (long) (id * nanosPerRow);
          long now;
          while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
          }
          long late = now - due;
          ps.setLong(1, id);
          ps.setLong(2, id % 16);
          ps.setLong(3, id);
          long t0 = System.nanoTime();
          ps.executeUpdate();
          long ack = System.nanoTime();
          acked[id] = ack;
          synchronized (this) {
            statements.record(ack - t0);
            maxLateNanos = Math.max(maxLateNanos, late);
            end = Math.max(end, ack);
          }
        }
      } catch (Exception e) {
        failure = e;
      }
    }

    double seconds() {
      return (end - begin) / 1e9;
    }
  }

  /** One stream: notes when each row arrives. */
  private static final class Reader {
    final Connection connection;
    final long[] seen;
    final long[] acked;
    final Thread thread;
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    volatile int received;
    long wrong;
    volatile Exception failure;
    private Statement statement;

    Reader(Connection connection, int total, long[] acked) {
      this.connection = connection;
      this.seen = new long[total];
      this.acked = acked;
      this.thread = new Thread(this::run, "sluice-bench-stream");
      this.thread.setDaemon(true);
    }

    private void run() {
      try {
        statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT STREAM id, k, v FROM " + TABLE
            + " WHERE v >= 0");
        started.countDown();
        while (rs.next()) {
          long t1 = System.nanoTime();
          int id = (int) rs.getLong(4);
          if (!"+I".equals(rs.getString(1)) || id < 0 || id >= seen.length || seen[id] != 0) {
            wrong++;
            continue;
          }
          seen[id] = t1;
          received++;
        }
      } catch (Exception e) {
        if (received < seen.length) {
          failure = e;
        }
      } finally {
        started.countDown();
      }
    }

    /** Waits until every row arrived or the deadline passed. */
    void awaitAll(long deadlineNanos) throws InterruptedException {
      while (received < seen.length && failure == null && System.nanoTime() < deadlineNanos) {
        Thread.sleep(10);
      }
    }

    long missing() {
      return seen.length - received;
    }

    void close() throws Exception {
      if (statement != null) {
        statement.cancel();
      }
      thread.join(5000);
      connection.close();
    }
  }
}
