package io.sluice.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares multisets of rows regardless of their order: a {@link Digest} to compare millions of
 * rows in constant memory, and {@link #differences} to say which rows differ once digests
 * disagree. Values are compared as SQL compares them, not as Java classes do: every integer
 * type is one number, and DECIMAL scale does not matter (1 = 1.00), so a view's {@code
 * COUNT(*)} (BIGINT) matches the {@code long} a benchmark counted.
 */
final class RowMultiset {
  private RowMultiset() {}

  /**
   * The count of rows and two sums of independent 64-bit row hashes. Adding is commutative, so
   * equal multisets have equal digests whatever their order; unequal ones collide with
   * probability about 2^-128.
   */
  static final class Digest {
    private long rows;
    private long sum1;
    private long sum2;

    /** Adds one copy of a row. */
    Digest add(Object[] row) {
      long h = rowHash(row);
      rows++;
      sum1 += mix(h ^ 0x6A09E667F3BCC909L);
      sum2 += mix(h ^ 0xBB67AE8584CAA73BL);
      return this;
    }

    Digest addAll(Iterable<Object[]> rowList) {
      for (Object[] r : rowList) {
        add(r);
      }
      return this;
    }

    long rows() {
      return rows;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Digest d && d.rows == rows && d.sum1 == sum1 && d.sum2 == sum2;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(rows * 31 + sum1);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d rows, digest %016x%016x", rows, sum1, sum2);
    }
  }

  /** The digest of some rows. */
  static Digest digest(Iterable<Object[]> rows) {
    return new Digest().addAll(rows);
  }

  /**
   * A value in the form SQL equality compares: integers of every width and integral DECIMALs
   * as Long, other DECIMALs without trailing zeros, REAL as Double; anything else unchanged.
   */
  static Object normalize(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
        return s.longValueExact();
      }
      return s;
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  private static long rowHash(Object[] row) {
    long h = 0x3C6EF372FE94F82BL ^ row.length;
    for (Object v : row) {
      h = mix(h * 0x9E3779B97F4A7C15L + valueHash(normalize(v)));
    }
    return h;
  }

  private static long valueHash(Object v) {
    if (v == null) {
      return 0x510E527FADE682D1L;
    }
    if (v instanceof Long l) {
      return mix(l);
    }
    if (v instanceof Double d) {
      return mix(Double.doubleToLongBits(d == 0.0 ? 0.0 : d) ^ 0x1F83D9ABFB41BD6BL);
    }
    byte[] bytes = (v.getClass().getSimpleName() + ":" + v).getBytes(StandardCharsets.UTF_8);
    long h = 0xCBF29CE484222325L;
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix. */
  static long mix(long x) {
    x += 0x9E3779B97F4A7C15L;
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }

  /** A row as a key of a hash map, compared by SQL value. */
  private static List<Object> key(Object[] row) {
    List<Object> k = new ArrayList<>(row.length);
    for (Object v : row) {
      k.add(normalize(v));
    }
    return k;
  }

  /**
   * Describes how {@code actual} differs from {@code expected} as multisets: at most {@code
   * limit} lines such as {@code "missing [1, 2] x1"} (expected, not there) and {@code
   * "unexpected [1, 3] x2"} (there, not expected); empty when they are equal.
   */
  static List<String> differences(Iterable<Object[]> expected, Iterable<Object[]> actual,
      int limit) {
    Map<List<Object>, Long> balance = new HashMap<>();
    for (Object[] r : expected) {
      balance.merge(key(r), 1L, Long::sum);
    }
    for (Object[] r : actual) {
      balance.merge(key(r), -1L, Long::sum);
    }
    List<String> out = new ArrayList<>();
    List<Map.Entry<List<Object>, Long>> entries = new ArrayList<>(balance.entrySet());
    entries.removeIf(e -> e.getValue() == 0);
    long total = entries.size();
    entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
    for (Map.Entry<List<Object>, Long> e : entries) {
      if (out.size() == limit) {
        out.add("... " + (total - limit) + " more differing rows");
        break;
      }
      long n = e.getValue();
      out.add((n > 0 ? "missing " : "unexpected ") + e.getKey() + " x" + Math.abs(n));
    }
    return out;
  }

  /** A row for printing. */
  static String show(Object[] row) {
    return Arrays.toString(row);
  }
}
