package io.sluice.slt.run;

import java.sql.SQLException;
import java.util.List;

/** Short, one-line descriptions of what went wrong, for failure reports. */
final class ErrorText {
  /**
   * Avatica wraps a server's message in {@code Error 0 (STATE) : Error while executing SQL
   * "<the whole SQL>": Remote driver error: <message>}; the report already shows the SQL.
   */
  private static final String AVATICA_PREFIX = "Remote driver error: ";
  private static final int MAX_LINES = 200;

  private ErrorText() {}

  /** {@code error [SQLSTATE] message} for a database error. */
  static String of(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int cut = message.indexOf(AVATICA_PREFIX);
    if (cut >= 0) {
      message = message.substring(cut + AVATICA_PREFIX.length());
    }
    String state = e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]";
    return "error" + state + ": " + message.strip();
  }

  /**
   * A driver or engine bug surfacing as an unchecked exception, or an Error (a broken
   * invariant, an exhausted heap or stack): for an Error, where it was thrown too.
   */
  static String of(Throwable e) {
    String text = "error (" + e.getClass().getName() + "): " + e.getMessage();
    StackTraceElement[] trace = e.getStackTrace();
    if (e instanceof Error && trace.length > 0) {
      text += " (an Error thrown at " + trace[0] + ")";
    }
    return text;
  }

  /**
   * Lines joined by newlines, cut after a bound so that one huge wrong result (a file with
   * hashing turned off) cannot swamp a report.
   */
  static String lines(List<String> lines) {
    if (lines.size() <= MAX_LINES) {
      return String.join("\n", lines);
    }
    return String.join("\n", lines.subList(0, MAX_LINES)) + "\n... ("
        + (lines.size() - MAX_LINES) + " more lines)";
  }
}
