package io.sluice.storage.codec;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Test oracle for keys: random internal values of every type, and SQL comparison written
 * independently of {@link KeyCodec}. Floating point follows the order the codec documents and
 * SQL equality needs: {@code -0.0} equals {@code 0.0}, NaN equals NaN and sorts above every other
 * value. Strings compare by Unicode code point (the codec documents UTF-8 byte order, which is the
 * same thing).
 */
final class SqlValues {
  private SqlValues() {}

  /** Characters strings are made of: NUL, controls, ASCII, Latin-1, CJK, a surrogate pair. */
  private static final List<String> ALPHABET = List.of("\u0000", "\u0001", " ", "a", "b", "z",
      "\u007F", "\u00E9", "\u00FF", "\u4E2D", "\uFFFD", "\uD83D\uDE00");

  /** A random non-null internal value of {@code type}; small pools make ties common. */
  static Object randomValue(Random rnd, DataType type) {
    boolean small = rnd.nextInt(3) > 0;
    switch (type.kind()) {
      case BOOLEAN:
        return rnd.nextBoolean();
      case TINYINT:
        return (byte) (small ? rnd.nextInt(7) - 3 : pick(rnd, -128, 127, rnd.nextInt(256) - 128));
      case SMALLINT:
        return (short) (small ? rnd.nextInt(7) - 3
            : pick(rnd, (int) Short.MIN_VALUE, (int) Short.MAX_VALUE, rnd.nextInt(65536) - 32768));
      case INTEGER:
      case DATE:
        return small ? rnd.nextInt(7) - 3
            : pick(rnd, Integer.MIN_VALUE, Integer.MAX_VALUE, rnd.nextInt());
      case TIME:
        return small ? rnd.nextInt(3) * 1000 : rnd.nextInt(86_400_000);
      case BIGINT:
      case TIMESTAMP:
        return small ? (long) (rnd.nextInt(7) - 3)
            : pick(rnd, Long.MIN_VALUE, Long.MAX_VALUE, rnd.nextLong());
      case DECIMAL:
        return randomDecimal(rnd, type, small);
      case REAL:
        return small ? pick(rnd, -0.0f, 0.0f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE, 1.5f, -1.5f)
            : Float.intBitsToFloat(rnd.nextInt());
      case DOUBLE:
        return small ? pick(rnd, -0.0d, 0.0d, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 1.5d, -1.5d)
            : Double.longBitsToDouble(rnd.nextLong());
      case CHAR: {
        String s;
        do {
          s = randomString(rnd, type.precision());
        } while (s.length() > type.precision());
        return s + " ".repeat(type.precision() - s.length());
      }
      case VARCHAR:
        return randomString(rnd, small ? 2 : 6);
      default:
        throw new IllegalArgumentException(type.toString());
    }
  }

  /** A random value, or NULL one time in eight. */
  static Object randomNullable(Random rnd, DataType type) {
    return rnd.nextInt(8) == 0 ? null : randomValue(rnd, type);
  }

  @SafeVarargs
  private static <T> T pick(Random rnd, T... choices) {
    return choices[rnd.nextInt(choices.length)];
  }

  private static String randomString(Random rnd, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.get(rnd.nextInt(ALPHABET.size())));
    }
    return sb.toString();
  }

  /**
   * A decimal that fits DECIMAL(p, s), written with the declared scale or fewer digits after the
   * point (1.5 for a DECIMAL(10, 2) column), sometimes with a negative scale (1E+3).
   */
  private static BigDecimal randomDecimal(Random rnd, DataType type, boolean small) {
    int digits = small ? rnd.nextInt(3) : 1 + rnd.nextInt(type.precision());
    StringBuilder sb = new StringBuilder("0");
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + (small ? rnd.nextInt(3) : rnd.nextInt(10))));
    }
    BigInteger unscaled = new BigInteger(sb.toString());
    BigDecimal d = new BigDecimal(rnd.nextBoolean() ? unscaled : unscaled.negate(), type.scale());
    return rnd.nextBoolean() ? d.stripTrailingZeros() : d;
  }

  /** SQL comparison of two non-null values of one kind. */
  static int compare(TypeKind kind, Object a, Object b) {
    switch (kind) {
      case BOOLEAN:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case DECIMAL:
        return ((BigDecimal) a).compareTo((BigDecimal) b);
      case REAL:
      case DOUBLE:
        return compareFloating(((Number) a).doubleValue(), ((Number) b).doubleValue());
      case CHAR:
      case VARCHAR:
        return compareCodePoints((String) a, (String) b);
      default:
        return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }
  }

  private static int compareFloating(double x, double y) {
    boolean xNan = Double.isNaN(x);
    boolean yNan = Double.isNaN(y);
    if (xNan || yNan) {
      return xNan == yNan ? 0 : xNan ? 1 : -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** SQL comparison of two keys under the codec's column directions and null placement. */
  static int compareKeys(List<KeyCodec.Column> columns, Object[] a, Object[] b, int count) {
    for (int i = 0; i < count; i++) {
      KeyCodec.Column c = columns.get(i);
      int r;
      if (a[i] == null || b[i] == null) {
        r = a[i] == b[i] ? 0 : (a[i] == null) == c.nullsLast() ? 1 : -1;
      } else {
        r = compare(c.type().kind(), a[i], b[i]);
        r = c.descending() ? -r : r;
      }
      if (r != 0) {
        return r;
      }
    }
    return 0;
  }

  /** Human-readable value: strings quoted with invisible characters escaped. */
  static String show(Object v) {
    if (v instanceof String s) {
      StringBuilder sb = new StringBuilder("'");
      for (char ch : s.toCharArray()) {
        sb.append(ch < 0x20 || ch > 0x7E ? String.format("\\u%04X", (int) ch) : String.valueOf(ch));
      }
      return sb.append('\'').toString();
    }
    return String.valueOf(v);
  }

  /** A key for messages. */
  static String show(Object[] key) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < key.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(show(key[i]));
    }
    return sb.append(']').toString();
  }
}
