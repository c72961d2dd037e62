package io.sluice.bench;

import java.util.Arrays;

/**
 * Records latencies in nanoseconds, exactly (every sample kept), for one thread. Benchmarks
 * here take at most a few million samples, so a plain growing array is cheaper and more
 * precise than a histogram.
 */
final class LatencyRecorder {
  private long[] nanos = new long[1024];
  private int size;

  void record(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, nanos.length * 2);
    }
    nanos[size++] = latencyNanos;
  }

  int size() {
    return size;
  }

  /** The samples of several recorders together, sorted. */
  static LatencySummary merge(Iterable<LatencyRecorder> recorders) {
    int total = 0;
    for (LatencyRecorder r : recorders) {
      total += r.size;
    }
    long[] all = new long[total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.nanos, 0, all, at, r.size);
      at += r.size;
    }
    Arrays.sort(all);
    return new LatencySummary(all);
  }
}
