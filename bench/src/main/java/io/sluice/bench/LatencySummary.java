package io.sluice.bench;

/** Sorted latency samples and the statistics printed from them, in milliseconds. */
final class LatencySummary {
  private final long[] sortedNanos;

  LatencySummary(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  int count() {
    return sortedNanos.length;
  }

  /**
   * The {@code p}-th percentile (0 &lt; p &lt;= 100) by the nearest-rank method: the smallest
   * sample with at least p% of the samples at or below it. NaN when there are no samples.
   */
  double percentileMs(double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return toMs(sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))]);
  }

  double maxMs() {
    return sortedNanos.length == 0 ? Double.NaN : toMs(sortedNanos[sortedNanos.length - 1]);
  }

  double meanMs() {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (long n : sortedNanos) {
      sum += n;
    }
    return toMs(sum / sortedNanos.length);
  }

  private static double toMs(double nanos) {
    return nanos / 1_000_000.0;
  }
}
