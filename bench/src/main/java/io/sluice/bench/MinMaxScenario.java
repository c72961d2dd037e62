package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code SELECT k, MIN(v), MAX(v) FROM t GROUP BY k} under deletes. Phase {@code insert}: rows
 * with values spread over {@code [0, 1,000,000)}. Phase {@code delete}: one DELETE of every row
 * with {@code v < 300,000 or v >= 700,000}, about 60% of them: nearly every group loses its
 * current minimum and maximum, so the view must find the next ones, and some groups empty.
 */
final class MinMaxScenario extends ViewScenario {
  static final String NAME = "min-max";
  static final long LOW = 300_000;
  static final long HIGH = 700_000;

  MinMaxScenario(String prefix, long changes, long keys) {
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
    return String.format(Locale.ROOT, "%,d inserts into MIN(v), MAX(v) GROUP BY k over %,d keys,"
        + " then deletes of the values outside [%,d, %,d)", changes, keys, LOW, HIGH);
  }

  private String t() {
    return table("mm_t");
  }

  @Override
  List<String> createTables() {
    return List.of("CREATE TABLE " + t()
        + " (id BIGINT PRIMARY KEY, k BIGINT NOT NULL, v BIGINT NOT NULL)");
  }

  @Override
  String viewQuery() {
    return "SELECT k, MIN(v) AS lo, MAX(v) AS hi FROM " + t() + " GROUP BY k";
  }

  private long k(long id) {
    return uniform(id, 7, keys);
  }

  static long v(long id) {
    return uniform(id, 8, 1_000_000);
  }

  static boolean kept(long v) {
    return v >= LOW && v < HIGH;
  }

  @Override
  List<Phase> phases() {
    return List.of(new Phase("insert", this::insert), new Phase("delete", this::delete));
  }

  private long insert(Session s, AtomicLong progress, PrintStream log) {
    RowInserter in = new RowInserter(s, t(), 3, progress);
    for (long id = 1; id <= changes; id++) {
      in.add(id, k(id), v(id));
    }
    in.flush();
    return in.rows();
  }

  private long delete(Session s, AtomicLong progress, PrintStream log) {
    Extremes before = extremes(false);
    Extremes after = extremes(true);
    long minGone = 0;
    long maxGone = 0;
    long emptied = 0;
    for (int k = 0; k < keys; k++) {
      if (before.count[k] == 0) {
        continue;
      }
      if (after.count[k] == 0) {
        emptied++;
      } else {
        minGone += after.min[k] != before.min[k] ? 1 : 0;
        maxGone += after.max[k] != before.max[k] ? 1 : 0;
      }
    }
    long n = EmbeddedDatabase.update(s, "DELETE FROM " + t() + " WHERE v < " + LOW
        + " OR v >= " + HIGH);
    progress.addAndGet(n);
    log.printf(Locale.ROOT, "  deleted %,d rows: %,d groups lose their minimum, %,d their "
        + "maximum, %,d all their rows%n", n, minGone, maxGone, emptied);
    return n;
  }

  /** Per key: the count, minimum and maximum of the rows (only the kept ones, if asked). */
  private record Extremes(long[] count, long[] min, long[] max) { }

  private Extremes extremes(boolean onlyKept) {
    int n = (int) keys;
    Extremes e = new Extremes(new long[n], new long[n], new long[n]);
    java.util.Arrays.fill(e.min, Long.MAX_VALUE);
    java.util.Arrays.fill(e.max, Long.MIN_VALUE);
    for (long id = 1; id <= changes; id++) {
      long v = v(id);
      if (onlyKept && !kept(v)) {
        continue;
      }
      int k = (int) k(id);
      e.count[k]++;
      e.min[k] = Math.min(e.min[k], v);
      e.max[k] = Math.max(e.max[k], v);
    }
    return e;
  }

  @Override
  void expectedRows(int phasesDone, Consumer<Object[]> out) {
    Extremes e = extremes(phasesDone >= 2);
    for (int k = 0; k < keys; k++) {
      if (e.count[k] > 0) {
        out.accept(new Object[] {(long) k, e.min[k], e.max[k]});
      }
    }
  }
}
