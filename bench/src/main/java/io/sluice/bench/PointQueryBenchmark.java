package io.sluice.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench point-query}: latency of {@code SELECT * FROM t WHERE id = ?} for random
 * existing ids over the remote driver. Loads the table once with batched inserts, then for
 * each client count runs a warm-up and the measured queries. Every answer is checked: exactly
 * one row, with the values that were inserted for that id.
 */
@Command(name = "point-query", mixinStandardHelpOptions = true,
    description = "Primary-key point-query latency over the remote driver; every answer is "
        + "checked.")
final class PointQueryBenchmark implements Callable<Integer> {
  private static final int MISMATCHES_SHOWN = 10;

  @Option(names = "--rows", defaultValue = "1000000", paramLabel = "M",
      description = "Rows loaded before querying (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--queries", defaultValue = "100000", paramLabel = "Q",
      description = "Measured queries per client count (default: ${DEFAULT-VALUE}).")
  long queries;

  @Option(names = "--warmup-queries", defaultValue = "20000", paramLabel = "N",
      description = "Unmeasured (but checked) queries first (default: ${DEFAULT-VALUE}).")
  long warmupQueries;

  @Option(names = "--clients", defaultValue = "1", split = ",", paramLabel = "C",
      description = "Query threads, one connection each; a list such as 1,2 runs once per "
          + "count on the same loaded server (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--batch", defaultValue = "1000", paramLabel = "B",
      description = "Rows per executeBatch while loading (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--load-clients", defaultValue = "1", paramLabel = "C",
      description = "Connections used to load the table (default: ${DEFAULT-VALUE}).")
  int loadClients;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
      description = "Seed of the random ids (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-seconds", defaultValue = "0", paramLabel = "S",
      description = "Stop the measured queries after S seconds and report those run "
          + "(0, the default: no limit).")
  double maxSeconds;

  @Mixin
  ServerOptions server = new ServerOptions();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (rows < 1 || queries < 1 || warmupQueries < 0 || batch < 1 || loadClients < 1
        || clients.stream().anyMatch(c -> c < 1)) {
      System.err.println("sizes and client counts must be positive");
      return BenchMain.EXIT_FAILED;
    }
    out.printf(Locale.ROOT, "%n== point-query: %,d rows, %,d queries after %,d warm-up, "
        + "clients %s, fsync %s ==%n", rows, queries, warmupQueries, clients,
        server.noFsync ? "off" : "on");
    int status = 0;
    StringBuilder results = new StringBuilder();
    try (ServerProcess process = ServerProcess.start(server, out)) {
      BenchTable table = new BenchTable("bench_point");
      try (Connection admin = process.connect()) {
        table.create(admin);
      }
      BatchLoader.Result load = new BatchLoader(process, table, batch, out)
          .load(rows, loadClients, "load");
      long counted;
      try (Connection c = process.connect()) {
        counted = table.count(c);
      }
      out.printf(Locale.ROOT, "loaded %,d rows in %.2f s (%,.0f rows/s); COUNT(*) = %,d%n",
          rows, load.seconds(), load.rowsPerSecond(), counted);
      if (counted != rows) {
        String message = String.format(Locale.ROOT, "!!! DATA LOSS: table has %,d rows after "
            + "%,d were inserted and acknowledged", counted, rows);
        out.println(message);
        System.err.println(message);
        status = BenchMain.EXIT_WRONG_DATA;
      }
      for (int c : clients) {
        String result = runQueries(process, table, c, counted, out);
        results.append(result).append('\n');
        if (!result.endsWith(" status=ok")) {
          status = BenchMain.EXIT_WRONG_DATA;
        }
      }
    }
    out.println();
    out.print(results);
    out.println(MachineInfo.line(server));
    return status;
  }

  /** Answers that were not the one expected row, counted across clients. */
  private static final class Mismatches {
    private long count;
    private final List<String> shown = new ArrayList<>();

    synchronized void add(String what) {
      count++;
      if (shown.size() < MISMATCHES_SHOWN) {
        shown.add(what);
      }
    }

    synchronized long count() {
      return count;
    }

    synchronized List<String> shown() {
      return List.copyOf(shown);
    }
  }

  private record ClientTally(LatencyRecorder latencies, long queries) { }

  private String runQueries(ServerProcess process, BenchTable table, int clientCount,
      long counted, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "%n-- %d client(s) --%n", clientCount);
    Mismatches mismatches = new Mismatches();
    List<Connection> connections = new ArrayList<>();
    try {
      List<PreparedStatement> statements = new ArrayList<>();
      for (int i = 0; i < clientCount; i++) {
        Connection c = process.connect();
        connections.add(c);
        statements.add(c.prepareStatement(table.pointQuerySql()));
      }
      if (warmupQueries > 0) {
        ConcurrentClients.Outcome<ClientTally> w = runPhase(statements, warmupQueries, 0,
            seed ^ 0x5eed, mismatches, "warm-up", out);
        out.printf(Locale.ROOT, "warm-up: %,d queries in %.2f s%n", warmupQueries, w.seconds());
      }
      ConcurrentClients.Outcome<ClientTally> m = runPhase(statements, queries,
          (long) (maxSeconds * 1e9), seed, mismatches, "queries", out);
      List<LatencyRecorder> recorders = new ArrayList<>();
      long ran = 0;
      for (ClientTally t : m.results()) {
        recorders.add(t.latencies());
        ran += t.queries();
      }
      LatencySummary lat = LatencyRecorder.merge(recorders);
      double qps = ran / m.seconds();
      out.printf(Locale.ROOT, "%,d queries in %.2f s: %,.0f queries/s%n", ran, m.seconds(), qps);
      out.printf(Locale.ROOT, "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f"
          + "  mean %.3f%n", lat.percentileMs(50), lat.percentileMs(90), lat.percentileMs(99),
          lat.percentileMs(99.9), lat.maxMs(), lat.meanMs());
      if (ran < queries) {
        out.printf(Locale.ROOT, "stopped by --max-seconds after %,d of %,d queries%n", ran,
            queries);
      }
      boolean ok = mismatches.count() == 0 && counted == rows && process.isAlive();
      if (mismatches.count() > 0) {
        String message = String.format(Locale.ROOT,
            "!!! WRONG ANSWERS: %,d point queries (warm-up included) did not return exactly the "
                + "inserted row; first ones:", mismatches.count());
        out.println(message);
        System.err.println(message);
        for (String s : mismatches.shown()) {
          out.println("  " + s);
          System.err.println("  " + s);
        }
      }
      return new ResultLine("RESULT", "point-query")
          .add("rows", rows)
          .add("queries", ran)
          .add("clients", clientCount)
          .add("fsync", !server.noFsync)
          .add("p50_ms", lat.percentileMs(50), 3)
          .add("p90_ms", lat.percentileMs(90), 3)
          .add("p99_ms", lat.percentileMs(99), 3)
          .add("p999_ms", lat.percentileMs(99.9), 3)
          .add("max_ms", lat.maxMs(), 3)
          .add("mean_ms", lat.meanMs(), 3)
          .add("qps", qps, 0)
          .add("wrong", mismatches.count())
          .add("status", ok ? "ok" : "WRONG_DATA")
          .toString();
    } finally {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException e) {
          out.println("closing a connection failed: " + e.getMessage());
        }
      }
    }
  }

  /** Runs {@code total} queries split over the statements' clients, with a time limit. */
  private ConcurrentClients.Outcome<ClientTally> runPhase(List<PreparedStatement> statements,
      long total, long limitNanos, long phaseSeed, Mismatches mismatches, String label,
      PrintStream out) throws Exception {
    List<ConcurrentClients.Client<ClientTally>> work = new ArrayList<>();
    try (ProgressReporter progress = new ProgressReporter(label, "queries", total, out)) {
      for (int i = 0; i < statements.size(); i++) {
        PreparedStatement query = statements.get(i);
        long share = ConcurrentClients.share(total, statements.size(), i);
        SplittableRandom random = new SplittableRandom(phaseSeed + i);
        work.add(() -> queryLoop(query, share, limitNanos, random, mismatches, progress));
      }
      return ConcurrentClients.run(work, "sluice-bench-query");
    }
  }

  private ClientTally queryLoop(PreparedStatement query, long count, long limitNanos,
      SplittableRandom random, Mismatches mismatches, ProgressReporter progress)
      throws SQLException {
    LatencyRecorder latencies = new LatencyRecorder();
    long begin = System.nanoTime();
    long done = 0;
    while (done < count && (limitNanos <= 0 || System.nanoTime() - begin < limitNanos)) {
      long id = 1 + random.nextLong(rows);
      long t0 = System.nanoTime();
      query.setLong(1, id);
      int found = 0;
      String difference = null;
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found++;
          if (found == 1) {
            difference = BenchTable.difference(rs, id);
          }
        }
      }
      latencies.record(System.nanoTime() - t0);
      done++;
      if (found != 1) {
        mismatches.add("id " + id + ": " + found + " rows");
      } else if (difference != null) {
        mismatches.add("id " + id + ": " + difference);
      }
      progress.done().incrementAndGet();
    }
    return new ClientTally(latencies, done);
  }
}
