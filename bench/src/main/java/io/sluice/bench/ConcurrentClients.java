package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs several clients, each on its own thread, from a common start, and measures the wall
 * time from that start until the last one finishes. Clients are built (connections opened,
 * statements prepared) before the start, so setup is not measured.
 */
final class ConcurrentClients {
  private ConcurrentClients() {}

  /** One client's work, run once on its own thread. */
  @FunctionalInterface
  interface Client<T> {
    T run() throws Exception;
  }

  /** The clients' results, in client order, and the wall time they took together. */
  record Outcome<T>(List<T> results, long wallNanos) {
    double seconds() {
      return wallNanos / 1e9;
    }
  }

  /**
   * Runs the clients and waits for all of them. If any fails, the first failure is thrown
   * (with the others suppressed) once every client has stopped.
   */
  static <T> Outcome<T> run(List<? extends Client<T>> clients, String threadName)
      throws Exception {
    int n = clients.size();
    CountDownLatch start = new CountDownLatch(1);
    List<T> results = new ArrayList<>(n);
    Exception[] failures = new Exception[n];
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      results.add(null);
      int index = i;
      Thread t = new Thread(() -> {
        try {
          start.await();
          T r = clients.get(index).run();
          synchronized (results) {
            results.set(index, r);
          }
        } catch (Exception e) {
          failures[index] = e;
        }
      }, threadName + "-" + i);
      threads.add(t);
      t.start();
    }
    long begin = System.nanoTime();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    long wall = System.nanoTime() - begin;
    Exception first = null;
    for (Exception e : failures) {
      if (e == null) {
        continue;
      }
      if (first == null) {
        first = e;
      } else {
        first.addSuppressed(e);
      }
    }
    if (first != null) {
      throw first;
    }
    synchronized (results) {
      return new Outcome<>(List.copyOf(results), wall);
    }
  }

  /**
   * Splits {@code total} units of work into {@code parts} nearly equal shares; the first
   * {@code total % parts} shares get one more.
   */
  static long share(long total, int parts, int index) {
    return total / parts + (index < total % parts ? 1 : 0);
  }
}
