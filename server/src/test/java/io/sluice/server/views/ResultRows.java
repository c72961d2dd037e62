package io.sluice.server.views;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Query results as multisets of rows, compared by meaning rather than representation, so that
 * two engines (or a view and an ad-hoc query) that agree on the answer compare equal: every
 * exact number (integers of any width, decimals of any scale) is a BigDecimal compared by
 * value, approximate numbers (DOUBLE, REAL) match within a relative tolerance, and dates and
 * times compare as their java.time values. Row order never matters.
 */
final class ResultRows {
  /** Approximate numbers match when they differ by at most this, relative to their size. */
  private static final double TOLERANCE = 1e-9;
  /** Rows shown of each side of a difference. */
  private static final int SHOWN = 8;

  private ResultRows() {}

  /** Every row of a result, normalized (see {@link #normalize}). */
  static List<List<Object>> read(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = normalize(rs.getObject(i + 1));
      }
      out.add(Arrays.asList(row));
    }
    return out;
  }

  /** A value in the form it is compared in. */
  static Object normalize(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof BigDecimal d) {
      return exact(d);
    }
    if (v instanceof BigInteger i) {
      return exact(new BigDecimal(i));
    }
    if (v instanceof Number n) {
      return exact(BigDecimal.valueOf(n.longValue()));
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    return v;
  }

  /** One representation per value (1.50, 1.5 and 15E-1 are one), so equals and hashCode work. */
  private static BigDecimal exact(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  /** What one result has that another lacks, each way. */
  record Diff(List<List<Object>> missing, List<List<Object>> extra) {
    boolean isEmpty() {
      return missing.isEmpty() && extra.isEmpty();
    }

    /** A short description: counts and the first rows of each side. */
    String describe(String expectedName, String actualName) {
      StringBuilder sb = new StringBuilder();
      section(sb, missing, "in " + expectedName + ", not in " + actualName);
      section(sb, extra, "in " + actualName + ", not in " + expectedName);
      return sb.toString();
    }

    private static void section(StringBuilder sb, List<List<Object>> rows, String title) {
      if (rows.isEmpty()) {
        return;
      }
      sb.append("    ").append(rows.size()).append(" row(s) ").append(title).append(":\n");
      List<String> shown = new ArrayList<>();
      for (List<Object> r : rows) {
        shown.add(format(r));
      }
      shown.sort(null);
      for (int i = 0; i < Math.min(SHOWN, shown.size()); i++) {
        sb.append("      ").append(shown.get(i)).append('\n');
      }
      if (shown.size() > SHOWN) {
        sb.append("      ... ").append(shown.size() - SHOWN).append(" more\n");
      }
    }
  }

  /**
   * The multiset difference of two results. Rows are bucketed by their exact columns, and
   * within a bucket matched one to one allowing for the tolerance of approximate columns.
   */
  static Diff diff(List<List<Object>> expected, List<List<Object>> actual) {
    boolean[] approximate = approximateColumns(expected, actual);
    Map<List<Object>, List<List<Object>>> buckets = new HashMap<>();
    for (List<Object> row : actual) {
      buckets.computeIfAbsent(exactPart(row, approximate), k -> new ArrayList<>()).add(row);
    }
    List<List<Object>> missing = new ArrayList<>();
    for (List<Object> row : expected) {
      List<List<Object>> candidates = buckets.get(exactPart(row, approximate));
      boolean found = false;
      if (candidates != null) {
        for (int i = 0; i < candidates.size(); i++) {
          if (matches(row, candidates.get(i))) {
            candidates.remove(i);
            found = true;
            break;
          }
        }
      }
      if (!found) {
        missing.add(row);
      }
    }
    List<List<Object>> extra = new ArrayList<>();
    for (List<List<Object>> rest : buckets.values()) {
      extra.addAll(rest);
    }
    return new Diff(missing, extra);
  }

  /** Columns where either side has an approximate number. */
  private static boolean[] approximateColumns(List<List<Object>> a, List<List<Object>> b) {
    int n = !a.isEmpty() ? a.get(0).size() : !b.isEmpty() ? b.get(0).size() : 0;
    boolean[] out = new boolean[n];
    for (List<List<Object>> rows : List.of(a, b)) {
      for (List<Object> r : rows) {
        for (int i = 0; i < Math.min(n, r.size()); i++) {
          out[i] |= r.get(i) instanceof Double;
        }
      }
    }
    return out;
  }

  private static List<Object> exactPart(List<Object> row, boolean[] approximate) {
    List<Object> key = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      // NULL stays in the key: a NULL never matches a number.
      key.add(i < approximate.length && approximate[i] && v != null ? "~" : v);
    }
    return key;
  }

  private static boolean matches(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if ((a instanceof Double || b instanceof Double) && a instanceof Number x
        && b instanceof Number y) {
      double p = x.doubleValue();
      double q = y.doubleValue();
      return p == q || Math.abs(p - q) <= TOLERANCE * Math.max(1, Math.max(Math.abs(p),
          Math.abs(q)));
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a.equals(b);
  }

  /** A row as text: strings quoted, so that '' and NULL and 'NULL' differ. */
  static String format(List<Object> row) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object v = row.get(i);
      sb.append(v == null ? "NULL" : v instanceof String s ? "'" + s + "'"
          : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    }
    return sb.append(')').toString();
  }
}
