package io.sluice.server.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.regex.Pattern;

/**
 * Prints a stream's rows one by one as they arrive, each flushed at once. Column widths cannot
 * wait for the data, so they come from the column headers and types (a longer value widens
 * only its own row); numbers are right-aligned as in {@link TablePrinter}.
 */
final class StreamPrinter {
  private static final Pattern STREAM = Pattern.compile(
      "(?is)^(\\s|--[^\\n]*\\n|/\\*.*?\\*/)*\\(*\\s*select\\s+stream\\b.*");

  private final PrintWriter out;
  private final int[] widths;
  private final boolean[] right;

  /** Prints the header at once. */
  StreamPrinter(ResultSetMetaData md, PrintWriter out) throws SQLException {
    this.out = out;
    int n = md.getColumnCount();
    widths = new int[n];
    right = new boolean[n];
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String label = md.getColumnLabel(i + 1);
      right[i] = TablePrinter.isNumeric(md.getColumnType(i + 1));
      widths[i] = Math.max(label.length(), typeWidth(md, i + 1));
      header.append(i == 0 ? " " : " | ").append(TablePrinter.center(label, widths[i]));
      rule.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(header);
    out.println(rule.append('-'));
    out.flush();
  }

  /** Whether a statement is {@code SELECT STREAM ...}. */
  static boolean isStream(String sql) {
    return STREAM.matcher(sql).matches();
  }

  /** Prints the current row and flushes. */
  void print(ResultSet rs) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String v = TablePrinter.text(rs.getObject(i + 1));
      sb.append(i == 0 ? " " : " | ").append(TablePrinter.pad(v, Math.max(widths[i],
          v.length()), right[i]));
    }
    out.println(sb.toString().stripTrailing());
    out.flush();
  }

  /** A width that fits typical values of a column's type. */
  private static int typeWidth(ResultSetMetaData md, int column) throws SQLException {
    switch (md.getColumnType(column)) {
      case Types.BOOLEAN:
        return 5;
      case Types.TINYINT: case Types.SMALLINT:
        return 6;
      case Types.INTEGER:
        return 8;
      case Types.BIGINT:
        return 10;
      case Types.DECIMAL: case Types.NUMERIC:
        return Math.min(Math.max(md.getPrecision(column) + 2, 6), 14);
      case Types.REAL: case Types.FLOAT: case Types.DOUBLE:
        return 12;
      case Types.DATE:
        return 10;
      case Types.TIME:
        return 8;
      case Types.TIMESTAMP:
        return 23;
      default:
        int p = md.getPrecision(column);
        return p > 0 ? Math.min(p, 20) : 12;
    }
  }
}
