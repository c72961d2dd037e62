package io.sluice.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The benchmark table {@code (id BIGINT PRIMARY KEY, k INTEGER, v VARCHAR(32), amount
 * DECIMAL(12,2), ts TIMESTAMP)} and its rows. Every column is a function of {@code id}, so a
 * reader can check any row it gets back without remembering what was written.
 */
final class BenchTable {
  private static final LocalDateTime TS_BASE = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final int K_MODULUS = 10_007;
  private static final long AMOUNT_MODULUS = 10_000_000L;

  private final String name;

  BenchTable(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Creates the table. */
  void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, k INTEGER, v VARCHAR(32), "
          + "amount DECIMAL(12,2), ts TIMESTAMP)");
    }
  }

  /** The INSERT with one parameter per column, in {@link #bind} order. */
  String insertSql() {
    return "INSERT INTO " + name + " (id, k, v, amount, ts) VALUES (?, ?, ?, ?, ?)";
  }

  /** The point query by primary key, one parameter. */
  String pointQuerySql() {
    return "SELECT * FROM " + name + " WHERE id = ?";
  }

  /** Counts the rows with {@code SELECT COUNT(*)}. */
  long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + name)) {
      if (!rs.next()) {
        throw new SQLException("SELECT COUNT(*) returned no row");
      }
      return rs.getLong(1);
    }
  }

  /** Sets the parameters of {@link #insertSql()} to the row of {@code id}. */
  static void bind(PreparedStatement p, long id) throws SQLException {
    p.setLong(1, id);
    p.setInt(2, k(id));
    p.setString(3, v(id));
    p.setBigDecimal(4, amount(id));
    p.setTimestamp(5, ts(id));
  }

  /**
   * Describes how the current row of {@code rs} differs from the row of {@code id}, or returns
   * null when it is that row. Columns are read by name so the check does not depend on the
   * order {@code SELECT *} returns them in.
   */
  static String difference(ResultSet rs, long id) throws SQLException {
    StringBuilder d = new StringBuilder();
    compare(d, "id", rs.getLong("id"), id);
    compare(d, "k", rs.getInt("k"), k(id));
    compare(d, "v", rs.getString("v"), v(id));
    BigDecimal amount = rs.getBigDecimal("amount");
    if (amount == null || amount.compareTo(amount(id)) != 0) {
      d.append(" amount=").append(amount).append(" (expected ").append(amount(id)).append(')');
    }
    compare(d, "ts", rs.getTimestamp("ts"), ts(id));
    return d.length() == 0 ? null : d.toString().trim();
  }

  private static void compare(StringBuilder d, String column, Object actual, Object expected) {
    if (!Objects.equals(actual, expected)) {
      d.append(' ').append(column).append('=').append(actual)
          .append(" (expected ").append(expected).append(')');
    }
  }

  static int k(long id) {
    return (int) (id % K_MODULUS);
  }

  static String v(long id) {
    return "value-" + id;
  }

  static BigDecimal amount(long id) {
    return BigDecimal.valueOf(id % AMOUNT_MODULUS, 2);
  }

  static Timestamp ts(long id) {
    return Timestamp.valueOf(TS_BASE.plusSeconds(id));
  }
}
