package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A stateless view: {@code SELECT id, a * 2 AS a2, b FROM t WHERE a % 10 <> 0} over inserts
 * (nine rows in ten pass). Target from the issue: 1,000,000 changes/s on 2 cores.
 */
final class FilterProjectScenario extends ViewScenario {
  static final String NAME = "filter-project";

  FilterProjectScenario(String prefix, long changes, long keys) {
    super(prefix, changes, keys);
  }

  @Override
  String name() {
    return NAME;
  }

  @Override
  String description() {
    return String.format(java.util.Locale.ROOT, "%,d inserts through a filter and projection",
        changes);
  }

  private String t() {
    return table("fp_t");
  }

  @Override
  List<String> createTables() {
    return List.of("CREATE TABLE " + t()
        + " (id BIGINT PRIMARY KEY, a BIGINT NOT NULL, b BIGINT NOT NULL)");
  }

  @Override
  String viewQuery() {
    return "SELECT id, a * 2 AS a2, b FROM " + t() + " WHERE a % 10 <> 0";
  }

  static long a(long id) {
    return uniform(id, 1, 1_000);
  }

  static long b(long id) {
    return uniform(id, 2, 1_000_000);
  }

  @Override
  List<Phase> phases() {
    return List.of(new Phase("insert", this::insert));
  }

  private long insert(Session s, AtomicLong progress, PrintStream log) {
    RowInserter in = new RowInserter(s, t(), 3, progress);
    for (long id = 1; id <= changes; id++) {
      in.add(id, a(id), b(id));
    }
    in.flush();
    return in.rows();
  }

  @Override
  void expectedRows(int phasesDone, Consumer<Object[]> out) {
    for (long id = 1; id <= changes; id++) {
      long a = a(id);
      if (a % 10 != 0) {
        out.accept(new Object[] {id, a * 2, b(id)});
      }
    }
  }

  @Override
  double targetChangesPerSecond(String phase) {
    return 1_000_000;
  }
}
