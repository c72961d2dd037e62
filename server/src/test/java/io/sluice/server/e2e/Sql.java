package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small JDBC helpers for tests: run statements, read whole results, expect errors. */
final class Sql {
  private Sql() {}

  /** Runs a statement that returns no rows; returns its update count. */
  static long update(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      return st.getLargeUpdateCount();
    }
  }

  /** Runs several statements, one after another. */
  static void updateAll(Connection c, String... sqls) throws SQLException {
    for (String sql : sqls) {
      update(c, sql);
    }
  }

  /** Runs a query; returns every row as a list of the values {@code getObject} returned. */
  static List<List<Object>> query(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  /** Every remaining row of a result set. */
  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = rs.getObject(i + 1);
      }
      out.add(Arrays.asList(row));
    }
    return out;
  }

  /** The single value of a one-row, one-column query. */
  static Object scalar(Connection c, String sql, Object... params) throws SQLException {
    List<List<Object>> rows = query(c, sql, params);
    assertEquals(1, rows.size(), "rows of " + sql);
    assertEquals(1, rows.get(0).size(), "columns of " + sql);
    return rows.get(0).get(0);
  }

  /** The single value of a one-row, one-column query as a long. */
  static long count(Connection c, String sql, Object... params) throws SQLException {
    return ((Number) scalar(c, sql, params)).longValue();
  }

  /**
   * Runs {@code sql}, which must fail with SQLSTATE {@code sqlState}; returns the error.
   */
  static SQLException expectError(Connection c, String sqlState, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Statement st = c.createStatement()) {
        st.execute(sql);
      }
    }, () -> "expected SQLSTATE " + sqlState + " from: " + sql);
    assertEquals(sqlState, e.getSQLState(), () -> "SQLSTATE of: " + sql + "\nmessage: "
        + e.getMessage());
    return e;
  }

  /** SQL's three-valued AND, with null for UNKNOWN. */
  static Boolean and(Boolean p, Boolean q) {
    if (Boolean.FALSE.equals(p) || Boolean.FALSE.equals(q)) {
      return false;
    }
    return p == null || q == null ? null : true;
  }

  /** SQL's three-valued OR, with null for UNKNOWN. */
  static Boolean or(Boolean p, Boolean q) {
    if (Boolean.TRUE.equals(p) || Boolean.TRUE.equals(q)) {
      return true;
    }
    return p == null || q == null ? null : false;
  }

  /** A row, for comparing with {@link #query} results. */
  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /**
   * A value in a form that compares by meaning rather than by representation: integers of
   * every width as Long, decimals whatever their scale (1.50 and 1.5 are the same number),
   * JDBC dates and times as java.time values. Exact types are the business of {@link
   * RemoteJdbcTypesTest}; query tests compare answers.
   */
  static Object normalize(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
      return ((Number) v).longValue();
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

  /** Rows with every decimal normalized (see {@link #normalize}). */
  static List<List<Object>> normalize(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      List<Object> n = new ArrayList<>(r.size());
      for (Object v : r) {
        n.add(normalize(v));
      }
      out.add(n);
    }
    return out;
  }
}
