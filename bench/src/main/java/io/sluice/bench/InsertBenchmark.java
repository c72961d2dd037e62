package io.sluice.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench insert}: batched INSERT throughput over the remote driver. For each client
 * count a fresh server is started, a warm-up table is loaded and then the measured one, and
 * {@code SELECT COUNT(*)} checks that every acknowledged row is there.
 */
@Command(name = "insert", mixinStandardHelpOptions = true,
    description = "Batched INSERT throughput over the remote driver, checked with COUNT(*).")
final class InsertBenchmark implements Callable<Integer> {
  @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
      description = "Rows to insert (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--batch", defaultValue = "1000", paramLabel = "B",
      description = "Rows per executeBatch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--clients", defaultValue = "1", split = ",", paramLabel = "C",
      description = "Client threads, one connection each; a list such as 1,2,4 runs once per "
          + "count, each on a fresh server (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--warmup-rows", defaultValue = "100000", paramLabel = "N",
      description = "Rows inserted into a separate table first, to warm up both JVMs "
          + "(default: ${DEFAULT-VALUE}).")
  long warmupRows;

  @Mixin
  ServerOptions server = new ServerOptions();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (rows < 1 || batch < 1 || warmupRows < 0 || clients.stream().anyMatch(c -> c < 1)) {
      System.err.println("--rows, --batch and --clients must be positive, --warmup-rows >= 0");
      return BenchMain.EXIT_FAILED;
    }
    int status = 0;
    StringBuilder results = new StringBuilder();
    for (int c : clients) {
      String result = runOnce(c, out);
      results.append(result).append('\n');
      if (!result.endsWith(" status=ok")) {
        status = BenchMain.EXIT_WRONG_DATA;
      }
    }
    out.println();
    out.print(results);
    out.println(MachineInfo.line(server));
    return status;
  }

  /** Runs the benchmark with one client count on a fresh server; returns its RESULT line. */
  private String runOnce(int clientCount, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "%n== insert: %,d rows, batches of %,d, %d client(s), fsync %s ==%n",
        rows, batch, clientCount, server.noFsync ? "off" : "on");
    try (ServerProcess process = ServerProcess.start(server, out)) {
      BenchTable warmup = new BenchTable("bench_insert_warmup");
      BenchTable measured = new BenchTable("bench_insert");
      try (Connection admin = process.connect()) {
        warmup.create(admin);
        measured.create(admin);
      }
      if (warmupRows > 0) {
        BatchLoader.Result w = new BatchLoader(process, warmup, batch, out)
            .load(warmupRows, clientCount, "warm-up");
        out.printf(Locale.ROOT, "warm-up: %,d rows in %.2f s (%,.0f rows/s)%n", warmupRows,
            w.seconds(), w.rowsPerSecond());
      }
      BatchLoader.Result r = new BatchLoader(process, measured, batch, out)
          .load(rows, clientCount, "insert");
      LatencySummary lat = r.batchLatencies();
      out.printf(Locale.ROOT, "inserted %,d rows in %,d batches in %.2f s: %,.0f rows/s%n",
          r.rows(), r.batches(), r.seconds(), r.rowsPerSecond());
      out.printf(Locale.ROOT, "executeBatch latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f"
          + "  mean %.2f%n", lat.percentileMs(50), lat.percentileMs(90), lat.percentileMs(99),
          lat.maxMs(), lat.meanMs());

      Verification v = verify(process, measured, warmup, r, out);
      return new ResultLine("RESULT", "insert")
          .add("rows", rows)
          .add("batch", batch)
          .add("clients", clientCount)
          .add("fsync", !server.noFsync)
          .add("seconds", r.seconds(), 2)
          .add("rows_per_s", r.rowsPerSecond(), 0)
          .add("batch_p50_ms", lat.percentileMs(50), 2)
          .add("batch_p90_ms", lat.percentileMs(90), 2)
          .add("batch_p99_ms", lat.percentileMs(99), 2)
          .add("batch_max_ms", lat.maxMs(), 2)
          .add("counted", v.counted())
          .add("status", v.ok() ? "ok" : "DATA_LOSS")
          .toString();
    }
  }

  private record Verification(long counted, boolean ok) { }

  /**
   * Checks that the table holds every row and that the driver acknowledged every row; says so
   * loudly on stdout and stderr when not.
   */
  private Verification verify(ServerProcess process, BenchTable measured, BenchTable warmup,
      BatchLoader.Result r, PrintStream out) throws Exception {
    long counted;
    long warmCounted;
    long t0 = System.nanoTime();
    try (Connection c = process.connect()) {
      counted = measured.count(c);
      warmCounted = warmupRows > 0 ? warmup.count(c) : 0;
    }
    out.printf(Locale.ROOT, "verify: SELECT COUNT(*) = %,d (expected %,d), warm-up table %,d "
        + "(expected %,d); took %.2f s%n", counted, rows, warmCounted, warmupRows,
        (System.nanoTime() - t0) / 1e9);
    StringBuilder problems = new StringBuilder();
    if (counted != rows) {
      problems.append(String.format(Locale.ROOT,
          "table %s has %,d rows after %,d were inserted and acknowledged (%,d missing). ",
          measured.name(), counted, rows, rows - counted));
    }
    if (warmCounted != warmupRows) {
      problems.append(String.format(Locale.ROOT, "warm-up table has %,d rows, expected %,d. ",
          warmCounted, warmupRows));
    }
    if (r.acknowledgedRows() + r.unreportedBatchRows() != rows) {
      problems.append(String.format(Locale.ROOT,
          "executeBatch update counts add up to %,d rows (%,d more without a count), "
              + "expected %,d. ", r.acknowledgedRows(), r.unreportedBatchRows(), rows));
    }
    if (!process.isAlive()) {
      problems.append("the server process died. ");
    }
    if (problems.length() == 0) {
      return new Verification(counted, true);
    }
    String message = "!!! DATA LOSS / WRONG COUNT: " + problems.toString().trim();
    out.println(message);
    System.err.println(message);
    return new Verification(counted, false);
  }
}
