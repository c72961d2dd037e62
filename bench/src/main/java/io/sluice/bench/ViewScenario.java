package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One workload of {@code bench views}: the tables, the materialized view over them, the changes
 * written in each measured phase, and the view's rows as the benchmark computes them itself
 * from the data it wrote (not with the engine), to check the view against.
 *
 * <p>Every column of every row is a function of the row's id ({@link #uniform}), so nothing
 * written needs to be remembered. Table and view names start with a prefix, so a warm-up copy
 * of a scenario can run next to the measured one.
 */
abstract class ViewScenario {
  /** Writes one phase's changes; returns how many changes (log rows) it wrote. */
  @FunctionalInterface
  interface ChangeWriter {
    /**
     * @param progress counts rows written, for progress reports
     * @param log where to print what the phase did, beyond the count
     */
    long write(Session session, AtomicLong progress, PrintStream log);
  }

  /** A measured step: changes written while epochs are paused, then caught up with at once. */
  record Phase(String name, ChangeWriter writer) { }

  final String prefix;
  final long changes;
  final long keys;

  ViewScenario(String prefix, long changes, long keys) {
    if (changes < 1 || keys < 1) {
      throw new IllegalArgumentException("changes and keys must be positive");
    }
    this.prefix = prefix;
    this.changes = changes;
    this.keys = keys;
  }

  /** The scenario's name on the command line and in RESULT lines. */
  abstract String name();

  /** What the scenario measures, for the output. */
  abstract String description();

  /** The statements that create the scenario's tables. */
  abstract List<String> createTables();

  /** The view's query; also run ad hoc to check the view against. */
  abstract String viewQuery();

  /** The measured phases, in order. */
  abstract List<Phase> phases();

  /**
   * The view's rows once the first {@code phasesDone} phases are written, computed from the
   * generated data in plain Java.
   */
  abstract void expectedRows(int phasesDone, Consumer<Object[]> out);

  /** The target for a phase in changes per second, or NaN when it sets none. */
  double targetChangesPerSecond(String phase) {
    return Double.NaN;
  }

  /** The materialized view's name. */
  String viewName() {
    return prefix + name().replace('-', '_') + "_v";
  }

  /** A table name of this scenario. */
  String table(String base) {
    return prefix + base;
  }

  /**
   * A value in {@code [0, bound)} that looks random but is a function of {@code id} and {@code
   * salt} (each column uses its own salt).
   */
  static long uniform(long id, long salt, long bound) {
    return Long.remainderUnsigned(RowMultiset.mix(id * 0x2545F4914F6CDD1DL + salt), bound);
  }
}
