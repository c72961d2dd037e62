package io.sluice.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts rows {@code 1..rows} into a {@link BenchTable} with a prepared INSERT and {@code
 * executeBatch}, from several clients, each with its own connection and a contiguous range of
 * ids. Times every {@code executeBatch} call (the round trip that carries and commits a batch;
 * binding parameters is client-side work and not included).
 */
final class BatchLoader {
  private final ServerProcess server;
  private final BenchTable table;
  private final int batchSize;
  private final PrintStream log;

  BatchLoader(ServerProcess server, BenchTable table, int batchSize, PrintStream log) {
    this.server = server;
    this.table = table;
    this.batchSize = batchSize;
    this.log = log;
  }

  /** What a load did and how long it took. */
  record Result(long rows, int batches, long wallNanos, LatencySummary batchLatencies,
      long acknowledgedRows, long unreportedBatchRows) {
    double seconds() {
      return wallNanos / 1e9;
    }

    double rowsPerSecond() {
      return rows / seconds();
    }
  }

  /** The per-client tallies, merged into a {@link Result}. */
  private record ClientTally(LatencyRecorder latencies, int batches, long acknowledged,
      long unreported) { }

  /** Inserts rows with ids {@code 1..rows} from {@code clients} connections. */
  Result load(long rows, int clients, String label) throws Exception {
    List<Connection> connections = new ArrayList<>();
    List<ConcurrentClients.Client<ClientTally>> work = new ArrayList<>();
    try (ProgressReporter progress = new ProgressReporter(label, "rows", rows, log)) {
      long next = 1;
      for (int i = 0; i < clients; i++) {
        long count = ConcurrentClients.share(rows, clients, i);
        long first = next;
        next += count;
        Connection c = server.connect();
        connections.add(c);
        PreparedStatement insert = c.prepareStatement(table.insertSql());
        work.add(() -> insertRange(insert, first, count, progress));
      }
      ConcurrentClients.Outcome<ClientTally> outcome =
          ConcurrentClients.run(work, "sluice-bench-insert");
      List<LatencyRecorder> recorders = new ArrayList<>();
      int batches = 0;
      long acknowledged = 0;
      long unreported = 0;
      for (ClientTally t : outcome.results()) {
        recorders.add(t.latencies());
        batches += t.batches();
        acknowledged += t.acknowledged();
        unreported += t.unreported();
      }
      return new Result(rows, batches, outcome.wallNanos(), LatencyRecorder.merge(recorders),
          acknowledged, unreported);
    } finally {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException e) {
          log.println("closing a connection failed: " + e.getMessage());
        }
      }
    }
  }

  private ClientTally insertRange(PreparedStatement insert, long first, long count,
      ProgressReporter progress) throws SQLException {
    LatencyRecorder latencies = new LatencyRecorder();
    int batches = 0;
    long acknowledged = 0;
    long unreported = 0;
    long end = first + count;
    for (long start = first; start < end; start += batchSize) {
      long stop = Math.min(end, start + batchSize);
      for (long id = start; id < stop; id++) {
        BenchTable.bind(insert, id);
        insert.addBatch();
      }
      long t0 = System.nanoTime();
      int[] counts = insert.executeBatch();
      latencies.record(System.nanoTime() - t0);
      batches++;
      if (counts.length != stop - start) {
        throw new SQLException("executeBatch of " + (stop - start) + " rows returned "
            + counts.length + " update counts");
      }
      for (int n : counts) {
        if (n == Statement.SUCCESS_NO_INFO) {
          unreported++;
        } else if (n == Statement.EXECUTE_FAILED) {
          throw new SQLException("executeBatch reported a failed row in ids " + start + ".."
              + (stop - 1));
        } else {
          acknowledged += n;
        }
      }
      progress.done().addAndGet(stop - start);
    }
    return new ClientTally(latencies, batches, acknowledged, unreported);
  }
}
