package io.sluice.slt.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's conversions between numbers and text, as far as the reference runner's output
 * depends on them: {@code sqlite3_column_int} and {@code sqlite3_column_double} on text, the
 * runner's {@code %.3f}, and the {@code %!.15g} SQLite uses to turn a real into text.
 */
final class SqliteNumbers {
  /** The longest prefix of a text that SQLite reads as a real number. */
  private static final Pattern REAL_PREFIX =
      Pattern.compile("^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER_PREFIX = Pattern.compile("^\\s*([+-]?\\d+)");
  private static final int TEXT_DIGITS = 15;

  private SqliteNumbers() {}

  /** A real converted to a 64-bit integer the way SQLite does: truncated, saturating. */
  static long realToLong(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    // The cast saturates at the long range, as SQLite's doubleToInt64 does.
    return (long) value;
  }

  /** The integer SQLite reads from the start of a text (0 if none; saturating on overflow). */
  static long textToLong(String text) {
    Matcher m = INTEGER_PREFIX.matcher(text);
    if (!m.find()) {
      return 0;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException overflow) {
      return m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The real SQLite reads from the start of a text (0.0 if none). */
  static double textToDouble(String text) {
    Matcher m = REAL_PREFIX.matcher(text);
    return m.find() ? Double.parseDouble(m.group().strip()) : 0.0;
  }

  /**
   * The runner's {@code %.3f}. SQLite's printf rounds half away from zero and keeps the minus
   * sign of a negative value that rounds to zero ({@code -0.000}), but not of -0.0 itself.
   */
  static String fixed3(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    String digits = new BigDecimal(Math.abs(value)).setScale(3, RoundingMode.HALF_UP)
        .toPlainString();
    return value < 0 ? "-" + digits : digits;
  }

  /**
   * A real as SQLite turns it into text ({@code %!.15g}): 15 significant digits, trailing zeros
   * dropped but at least one decimal ({@code 1.0}), exponent form below 1e-4 or from 1e15 with
   * a signed exponent of at least two digits ({@code 1.0e+20}).
   */
  static String realToText(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == 0) {
      return "0.0";
    }
    BigDecimal rounded = new BigDecimal(value)
        .round(new MathContext(TEXT_DIGITS, RoundingMode.HALF_UP)).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= TEXT_DIGITS) {
      BigDecimal mantissa = rounded.movePointLeft(exponent);
      String sign = exponent < 0 ? "-" : "+";
      int magnitude = Math.abs(exponent);
      return withDecimalPoint(mantissa.toPlainString()) + "e" + sign
          + (magnitude < 10 ? "0" : "") + magnitude;
    }
    return withDecimalPoint(rounded.toPlainString());
  }

  private static String withDecimalPoint(String number) {
    return number.indexOf('.') < 0 ? number + ".0" : number;
  }
}
