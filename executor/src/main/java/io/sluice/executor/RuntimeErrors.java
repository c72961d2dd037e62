package io.sluice.executor;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors thrown while computing, as {@link SluiceException}s with the SQLSTATE their cause
 * deserves: generated code throws plain Java exceptions (ArithmeticException for division by
 * zero, NumberFormatException for a bad cast), which users should see as SQL errors.
 */
public final class RuntimeErrors {
  private RuntimeErrors() {}

  /** How Avatica's DateTimeUtils refuses text it cannot read as a date or time. */
  private static final Pattern BAD_DATETIME =
      Pattern.compile("^Invalid (?:DATE|TIME|TIMESTAMP) value, ('.*')");

  /** The SQL error for an exception thrown during execution. */
  public static SluiceException translate(Throwable e) {
    if (e instanceof SluiceException se) {
      return se;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof ArithmeticException) {
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("by zero") || lower.contains("division undefined")) {
        return new SluiceException(SqlState.DIVISION_BY_ZERO, "division by zero", e);
      }
      if (lower.contains("overflow") || lower.contains("out of range")) {
        return new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            "numeric value out of range: " + message, e);
      }
      return new SluiceException(SqlState.DATA_EXCEPTION, message, e);
    }
    if (e instanceof NumberFormatException) {
      return new SluiceException(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid number: " + message, e);
    }
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      Matcher datetime = BAD_DATETIME.matcher(message);
      if (datetime.find()) {
        // Avatica names the part it failed on (TIME for the time of a timestamp), not the type.
        return new SluiceException(SqlState.INVALID_DATETIME_FORMAT, "invalid date or time "
            + datetime.group(1) + ": a date is 'yyyy-mm-dd', a time 'hh:mm:ss[.fff]', and a"
            + " timestamp a date, a space and a time", e);
      }
      if (message.contains("out of range") || message.contains("cannot be represented")) {
        return new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, message, e);
      }
      if (e.getStackTrace().length > 0 && isGenerated(e)) {
        return new SluiceException(SqlState.DATA_EXCEPTION, message, e);
      }
    }
    if (e instanceof RuntimeException && isGenerated(e)) {
      return new SluiceException(SqlState.DATA_EXCEPTION, message, e);
    }
    return SluiceException.internal(e.getClass().getSimpleName() + ": " + message, e);
  }

  /** Whether the exception came out of generated code or Calcite's runtime functions. */
  private static boolean isGenerated(Throwable e) {
    for (StackTraceElement el : e.getStackTrace()) {
      String c = el.getClassName();
      if (c.startsWith("org.apache.calcite.runtime") || c.equals("Calc")
          || c.equals("JoinCondition") || c.startsWith("org.apache.calcite.avatica.util")) {
        return true;
      }
    }
    return false;
  }
}
