package io.sluice.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints how far a long phase has got every few seconds, so a slow run shows it is alive
 * and how fast it is going. Clients add to {@link #done()}; closing stops the reports.
 */
final class ProgressReporter implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 5_000;

  private final AtomicLong done = new AtomicLong();
  private final Thread thread;

  ProgressReporter(String label, String unit, long total, PrintStream out) {
    long begin = System.nanoTime();
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
        out.printf(Locale.ROOT, "  %s: %,d/%,d %s after %.0f s (%,.0f %s/s recently)%n",
            label, d, total, unit, (now - begin) / 1e9, (d - lastDone) / ((now - lastTime) / 1e9),
            unit);
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
