package io.sluice.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Prints how far a long phase has got every few seconds, so a slow run shows it is alive
 * and how fast it is going. Clients add to {@link #done()}; closing stops the reports.
 */
final class ProgressReporter implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 5_000;

  private final AtomicLong done = new AtomicLong();
  private final Thread thread;

  /** Reports progress towards {@code total} units (0 when the total is not known). */
  ProgressReporter(String label, String unit, long total, PrintStream out) {
    this(label, unit, total, out, null);
  }

  /**
   * Reports progress towards {@code total} units (0 when the total is not known), each report
   * followed by what {@code detail} says, when not null. With a null {@code unit} only the time
   * and the detail are reported.
   */
  ProgressReporter(String label, String unit, long total, PrintStream out,
      Supplier<String> detail) {
    long begin = System.nanoTime();
    String totalText = total > 0 ? String.format(Locale.ROOT, "/%,d", total) : "";
    thread = new Thread(() -> {
      long lastDone = 0;
      long lastTime = begin;
      while (true) {
        try {
          Thread.sleep(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        long d = done.get();
        String extra = detail == null ? "" : "; " + detail.get();
        if (unit == null) {
          out.printf(Locale.ROOT, "  %s: after %.0f s%s%n", label, (now - begin) / 1e9, extra);
        } else {
          out.printf(Locale.ROOT, "  %s: %,d%s %s after %.0f s (%,.0f %s/s recently)%s%n",
              label, d, totalText, unit, (now - begin) / 1e9,
              (d - lastDone) / ((now - lastTime) / 1e9), unit, extra);
        }
        lastDone = d;
        lastTime = now;
      }
    }, "sluice-bench-progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** The count of units done so far; clients add to it. */
  AtomicLong done() {
    return done;
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
