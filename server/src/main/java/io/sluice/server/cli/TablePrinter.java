package io.sluice.server.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned table, numbers right-aligned, NULL spelled out. */
final class TablePrinter {
  private TablePrinter() {}

  /** Prints every row; returns the number printed. */
  static int print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    String[] headers = new String[n];
    boolean[] right = new boolean[n];
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      headers[i] = md.getColumnLabel(i + 1);
      right[i] = isNumeric(md.getColumnType(i + 1));
      widths[i] = headers[i].length();
    }
    List<String[]> rows = new ArrayList<>();
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        row[i] = text(rs.getObject(i + 1));
        widths[i] = Math.max(widths[i], row[i].length());
      }
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? " " : " | ").append(center(headers[i], widths[i]));
    }
    out.println(sb);
    sb.setLength(0);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(sb.append('-'));
    for (String[] row : rows) {
      sb.setLength(0);
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? " " : " | ").append(pad(row[i], widths[i], right[i]));
      }
      out.println(sb.toString().stripTrailing());
    }
    return rows.size();
  }

  /**
   * A value as printed: NULL spelled out, decimals without exponent, timestamps as
   * {@code 2026-11-22 10:00:00} with as many fraction digits as they need (none for whole
   * seconds, where {@link java.sql.Timestamp#toString} would add {@code .0}).
   */
  static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return timestamp(t.toLocalDateTime());
    }
    return v.toString();
  }

  private static String timestamp(java.time.LocalDateTime t) {
    StringBuilder sb = new StringBuilder().append(t.toLocalDate()).append(' ');
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    if (t.getNano() != 0) {
      String fraction = String.format(java.util.Locale.ROOT, "%09d", t.getNano());
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(fraction, 0, end);
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, int n) {
    return sb.append(n < 10 ? "0" : "").append(n);
  }

  static boolean isNumeric(int type) {
    switch (type) {
      case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.BIGINT:
      case Types.DECIMAL: case Types.NUMERIC: case Types.REAL: case Types.FLOAT:
      case Types.DOUBLE:
        return true;
      default:
        return false;
    }
  }

  static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  static String center(String s, int width) {
    int left = (width - s.length()) / 2;
    return " ".repeat(left) + s + " ".repeat(width - s.length() - left);
  }
}
