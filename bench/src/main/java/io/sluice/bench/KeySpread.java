package io.sluice.bench;

/**
 * Spreads row numbers {@code 0, 1, 2, ...} over {@code keys} group keys evenly and without
 * locality: {@code key(i) = i * multiplier mod keys} with a multiplier coprime to {@code keys},
 * so each run of {@code keys} consecutive rows hits every key exactly once. What a GROUP BY over
 * the first {@code rows} rows must hold therefore follows from arithmetic ({@link #expected}),
 * without remembering the rows.
 */
record KeySpread(long keys, long multiplier) {
  KeySpread {
    if (keys < 1 || keys > 3_000_000_000L || multiplier < 1 || gcd(multiplier, keys) != 1) {
      throw new IllegalArgumentException("keys must be in [1, 3e9] and the multiplier "
          + "positive and coprime to it");
    }
  }

  /** The spread over {@code keys} keys with the first fitting multiplier from 1,000,003 up. */
  static KeySpread of(long keys) {
    long m = 1_000_003;
    while (gcd(m, keys) != 1) {
      m++;
    }
    return new KeySpread(keys, m);
  }

  /** The key of row {@code i}. */
  long key(long i) {
    // Both factors are below keys (at most 3e9), so the product fits in a long.
    return (i % keys) * (multiplier % keys) % keys;
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  /**
   * Aggregates of {@code SELECT k, COUNT(*) AS n ... GROUP BY k} over rows {@code 0..rows-1}:
   * the number of groups, and over the groups SUM(n), MIN(n), MAX(n), SUM(k) and SUM(k * n).
   */
  record Expected(long groups, long sumN, long minN, long maxN, long sumK, long sumKN) { }

  Expected expected(long rows) {
    if (rows < 1) {
      return new Expected(0, 0, 0, 0, 0, 0);
    }
    long sumKN = 0;
    for (long i = 0; i < rows; i++) {
      sumKN += key(i);
    }
    if (rows < keys) {
      // Every row has its own key.
      return new Expected(rows, rows, 1, 1, sumKN, sumKN);
    }
    long base = rows / keys;
    return new Expected(keys, rows, base, base + (rows % keys == 0 ? 0 : 1),
        keys * (keys - 1) / 2, sumKN);
  }
}
