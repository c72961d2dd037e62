package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A grouped aggregate with state in RocksDB: {@code SELECT k, COUNT(*), SUM(v) FROM t GROUP BY
 * k} over inserts spread evenly over {@code keys} keys (100,000 by default). Target from the
 * issue: 300,000 changes/s on 2 cores.
 */
final class CountByKeyScenario extends ViewScenario {
  static final String NAME = "count-by-key";

  CountByKeyScenario(String prefix, long changes, long keys) {
    super(prefix, changes, keys);
    if (keys > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many keys: " + keys);
    }
  }

  @Override
  String name() {
    return NAME;
  }

  @Override
  String description() {
    return String.format(Locale.ROOT, "%,d inserts into COUNT(*), SUM(v) GROUP BY k over %,d keys",
        changes, keys);
  }

  private String t() {
    return table("cbk_t");
  }

  @Override
  List<String> createTables() {
    return List.of("CREATE TABLE " + t()
        + " (id BIGINT PRIMARY KEY, k BIGINT NOT NULL, v BIGINT NOT NULL)");
  }

  @Override
  String viewQuery() {
    return "SELECT k, COUNT(*) AS n, SUM(v) AS s FROM " + t() + " GROUP BY k";
  }

  private long k(long id) {
    return uniform(id, 3, keys);
  }

  static long v(long id) {
    return id % 1_000;
  }

  @Override
  List<Phase> phases() {
    return List.of(new Phase("insert", this::insert));
  }

  private long insert(Session s, AtomicLong progress, PrintStream log) {
    RowInserter in = new RowInserter(s, t(), 3, progress);
    for (long id = 1; id <= changes; id++) {
      in.add(id, k(id), v(id));
    }
    in.flush();
    return in.rows();
  }

  @Override
  void expectedRows(int phasesDone, Consumer<Object[]> out) {
    long[] count = new long[(int) keys];
    long[] sum = new long[(int) keys];
    for (long id = 1; id <= changes; id++) {
      int k = (int) k(id);
      count[k]++;
      sum[k] += v(id);
    }
    for (int k = 0; k < keys; k++) {
      if (count[k] > 0) {
        out.accept(new Object[] {(long) k, count[k], sum[k]});
      }
    }
  }

  @Override
  double targetChangesPerSecond(String phase) {
    return 300_000;
  }
}
