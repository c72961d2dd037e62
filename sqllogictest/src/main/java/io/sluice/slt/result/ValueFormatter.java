package io.sluice.slt.result;

import io.sluice.slt.script.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Renders one JDBC value as the reference runner renders the SQLite value in a column of a given
 * type letter: {@code NULL} for null whatever the type; for {@code I} the value as a 32-bit
 * integer ({@code sqlite3_column_int} keeps the low 32 bits); for {@code R} {@code %.3f} of the
 * value as a double; for {@code T} its text, {@code (empty)} if empty, with every byte of its
 * UTF-8 form outside printable ASCII replaced by {@code @}.
 */
public final class ValueFormatter {
  private ValueFormatter() {}

  /** The text of {@code value} (as {@link java.sql.ResultSet#getObject} returns it). */
  public static String format(Object value, ColumnType type) {
    if (value == null) {
      return "NULL";
    }
    return switch (type) {
      case INTEGER -> Integer.toString((int) toLong(value));
      case REAL -> SqliteNumbers.fixed3(toDouble(value));
      case TEXT -> printable(toText(value));
    };
  }

  private static long toLong(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Double || value instanceof Float) {
      return SqliteNumbers.realToLong(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal d) {
      return SqliteNumbers.realToLong(d.doubleValue());
    }
    if (value instanceof BigInteger i) {
      // Out-of-range integers cannot come from SQLite; keep the low bits like a cast would.
      return i.longValue();
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    return SqliteNumbers.textToLong(toText(value));
  }

  private static double toDouble(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    return SqliteNumbers.textToDouble(toText(value));
  }

  /** The text SQLite would give for the value it would store for {@code value}. */
  private static String toText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Float f) {
      // Through the float's own shortest text, so REAL 0.1 reads as 0.1, not 0.100000001.
      return SqliteNumbers.realToText(Double.parseDouble(Float.toString(f)));
    }
    if (value instanceof Double d) {
      return SqliteNumbers.realToText(d);
    }
    if (value instanceof BigDecimal d) {
      // SQLite's NUMERIC affinity stores a whole decimal as an integer and others as reals.
      BigDecimal stripped = d.stripTrailingZeros();
      return stripped.scale() <= 0 ? stripped.toBigInteger().toString()
          : SqliteNumbers.realToText(d.doubleValue());
    }
    if (value instanceof byte[] bytes) {
      // SQLite hands a blob's bytes over as they are; decoding and re-encoding keeps them.
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  /**
   * The runner's last step for text: {@code (empty)} for an empty string, and '@' for each
   * byte below space or above '~'. It works on bytes, so a non-ASCII character becomes one '@'
   * per byte of its UTF-8 encoding.
   */
  private static String printable(String text) {
    if (text.isEmpty()) {
      return "(empty)";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      out.append(b < ' ' || b > '~' ? '@' : (char) b);
    }
    return out.toString();
  }
}
