package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.count;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that every SQL type Sluice offers travels through the remote JDBC driver exactly:
 * values written as literals, as PreparedStatement parameters, in batches and by INSERT ...
 * SELECT come back unchanged, as the Java class the driver declares for the column, through
 * both {@code getObject} and the typed getters; NULL and NOT NULL behave; UPDATE and DELETE
 * change exactly the rows their WHERE selects; results larger than one network frame arrive
 * whole.
 */
@ExtendWith(SharedServer.class)
class RemoteJdbcTypesTest {
  /** Column list of the all-types tables, in order. */
  private static final String COLUMNS = "id, b, ti, si, i, bi, d, r, f, vc, c, dt, tm, ts, label";
  private static final String DDL = " (id INTEGER NOT NULL, b BOOLEAN, ti TINYINT, si SMALLINT,"
      + " i INTEGER, bi BIGINT, d DECIMAL(12, 4), r REAL, f DOUBLE, vc VARCHAR(12), c CHAR(6),"
      + " dt DATE, tm TIME, ts TIMESTAMP, label VARCHAR(20) NOT NULL, PRIMARY KEY (id))";

  /** One row of the all-types table, as Java values (null for SQL NULL). */
  record Row(int id, Boolean b, Byte ti, Short si, Integer i, Long bi, BigDecimal d, Float r,
      Double f, String vc, String c, Date dt, Time tm, Timestamp ts, String label) {

    /** The row as SQL literals, for a VALUES list. */
    String literals() {
      return "(" + id + ", " + lit(b) + ", " + lit(ti) + ", " + lit(si) + ", " + lit(i) + ", "
          + lit(bi) + ", " + (d == null ? "NULL" : d.toPlainString()) + ", "
          + (r == null ? "NULL" : "CAST(" + r + " AS REAL)") + ", "
          + (f == null ? "NULL" : "CAST(" + f + " AS DOUBLE)") + ", " + str(vc) + ", " + str(c)
          + ", " + (dt == null ? "NULL" : "DATE '" + dt + "'") + ", "
          + (tm == null ? "NULL" : "TIME '" + tm + "'") + ", "
          + (ts == null ? "NULL" : "TIMESTAMP '" + ts + "'") + ", " + str(label) + ")";
    }

    /** The values a query returns for this row: CHAR(6) comes back padded to 6. */
    List<Object> expected() {
      return java.util.Arrays.asList(id, b, ti, si, i, bi, d, r, f, vc,
          c == null ? null : String.format("%-6s", c), dt, tm, ts, label);
    }

    private static String lit(Object v) {
      return v == null ? "NULL" : v.toString();
    }

    private static String str(String s) {
      return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
  }

  /** Rows covering each type's extremes, zeros, NULLs, quotes, Unicode and pre-1970 times. */
  static final List<Row> ROWS = List.of(
      new Row(1, true, Byte.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
          new BigDecimal("99999999.9999"), 1.5f, 0.1, "it's über", "ab", Date.valueOf("2024-02-29"),
          Time.valueOf("23:59:59"), Timestamp.valueOf("2024-02-29 23:59:59.999"), "max"),
      new Row(2, false, Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
          new BigDecimal("-99999999.9999"), -0.25f, -2.5e-300, "", "abcdef",
          Date.valueOf("1969-12-31"), Time.valueOf("00:00:00"),
          Timestamp.valueOf("1969-12-31 23:59:59.5"), "min"),
      new Row(3, null, null, null, null, null, null, null, null, null, null, null, null, null,
          "nulls"),
      new Row(4, false, (byte) 0, (short) 0, 0, 0L, new BigDecimal("0.0000"), 0.0f, 0.0, "  x ",
          " ", Date.valueOf("9999-12-31"), Time.valueOf("12:00:00"),
          Timestamp.valueOf("1970-01-01 00:00:00"), "zeros"),
      new Row(5, true, (byte) -7, (short) 1234, -56789, 1L << 53, new BigDecimal("-0.0001"),
          1024.75f, 1.7976931348623157e308, "line\nbreak", "z", Date.valueOf("2000-03-01"),
          Time.valueOf("07:08:09"), Timestamp.valueOf("1900-01-01 00:00:00.001"), "misc"));

  /** The Java class the driver declares for each column of the all-types table. */
  static final List<Class<?>> CLASSES = List.of(Integer.class, Boolean.class, Byte.class,
      Short.class, Integer.class, Long.class, BigDecimal.class, Float.class, Double.class,
      String.class, String.class, Date.class, Time.class, Timestamp.class, String.class);

  private static Connection conn;

  @BeforeAll
  static void createTables(Connection connection) throws SQLException {
    conn = connection;
    update(conn, "CREATE TABLE jt_lit" + DDL);
    StringBuilder values = new StringBuilder();
    for (Row r : ROWS) {
      values.append(values.length() == 0 ? "" : ", ").append(r.literals());
    }
    assertEquals(ROWS.size(), update(conn, "INSERT INTO jt_lit VALUES " + values));
  }

  /** Reads the whole table, ordered by id, checking each value's class against CLASSES. */
  private static List<List<Object>> readAll(String table) throws SQLException {
    List<List<Object>> rows = query(conn, "SELECT " + COLUMNS + " FROM " + table
        + " ORDER BY id");
    for (List<Object> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        Object v = row.get(i);
        if (v != null) {
          assertEquals(CLASSES.get(i), v.getClass(), "class of column " + (i + 1) + " in " + row);
        }
      }
    }
    return rows;
  }

  private static List<List<Object>> expected(List<Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.expected());
    }
    return out;
  }

  @Test
  void literalsOfEveryTypeReadBackExactlyThroughGetObject() throws SQLException {
    assertEquals(expected(ROWS), readAll("jt_lit"));
  }

  @Test
  void typedGettersReadEveryType() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM jt_lit ORDER BY id")) {
      for (Row r : ROWS) {
        assertTrue(rs.next(), "row " + r.id());
        assertEquals(r.id(), rs.getInt("id"));
        if (r.b() == null) {
          assertFalse(rs.getBoolean("b"));
          assertTrue(rs.wasNull(), "wasNull after a NULL BOOLEAN");
          assertEquals(0, rs.getInt("i"));
          assertTrue(rs.wasNull(), "wasNull after a NULL INTEGER");
          assertNull(rs.getBigDecimal("d"));
          assertNull(rs.getString("vc"));
          assertNull(rs.getDate("dt"));
          assertNull(rs.getTime("tm"));
          assertNull(rs.getTimestamp("ts"));
          assertEquals(r.label(), rs.getString("label"));
          assertFalse(rs.wasNull());
          continue;
        }
        assertAll("row " + r.id(),
            () -> assertEquals(r.b(), rs.getBoolean("b")),
            () -> assertEquals(r.ti(), rs.getByte("ti")),
            () -> assertEquals(r.si(), rs.getShort("si")),
            () -> assertEquals(r.i(), rs.getInt("i")),
            () -> assertEquals(r.bi(), rs.getLong("bi")),
            () -> assertEquals(r.d(), rs.getBigDecimal("d")),
            () -> assertEquals(r.r(), rs.getFloat("r")),
            () -> assertEquals(r.f(), rs.getDouble("f")),
            () -> assertEquals(r.vc(), rs.getString("vc")),
            () -> assertEquals(String.format("%-6s", r.c()), rs.getString("c")),
            () -> assertEquals(r.dt().toLocalDate(), rs.getDate("dt").toLocalDate()),
            () -> assertEquals(r.tm().toLocalTime(), rs.getTime("tm").toLocalTime()),
            () -> assertEquals(r.ts().toLocalDateTime(),
                rs.getTimestamp("ts").toLocalDateTime()),
            () -> assertEquals(r.si().longValue(), rs.getLong("si")),
            () -> assertEquals(r.i().doubleValue(), rs.getDouble("i")),
            () -> assertEquals(new BigDecimal(r.bi()), rs.getBigDecimal("bi")));
      }
      assertFalse(rs.next());
    }
  }

  @Test
  void textOutsideLatin1RoundTripsThroughLiteralsAndParameters() throws SQLException {
    update(conn, "CREATE TABLE jt_text (id INTEGER PRIMARY KEY, s VARCHAR(8))");
    List<String> texts = List.of("5 €", "日本語", "ß∑√π", "emoji 😀");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jt_text VALUES (?, ?)")) {
      for (int k = 0; k < texts.size(); k++) {
        ps.setInt(1, k);
        ps.setString(2, texts.get(k));
        ps.executeUpdate();
      }
    }
    for (int k = 0; k < texts.size(); k++) {
      update(conn, "INSERT INTO jt_text VALUES (" + (10 + k) + ", '" + texts.get(k) + "')");
    }
    List<List<Object>> want = new ArrayList<>();
    for (int k = 0; k < texts.size(); k++) {
      want.add(Sql.row(k, texts.get(k)));
    }
    for (int k = 0; k < texts.size(); k++) {
      want.add(Sql.row(10 + k, texts.get(k)));
    }
    assertEquals(want, query(conn, "SELECT id, s FROM jt_text ORDER BY id"));
    assertEquals(List.of(Sql.row(1L)), query(conn,
        "SELECT COUNT(*) FROM jt_text WHERE s = '日本語' AND id < 10"));
  }

  @Test
  void dateTimeAndTimestampReadBackAsStringsInSqlLiteralForm() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT dt, tm, ts FROM jt_lit WHERE id = 1")) {
      assertTrue(rs.next());
      assertAll(
          () -> assertEquals("2024-02-29", rs.getString(1)),
          () -> assertEquals("23:59:59", rs.getString(2)),
          () -> assertEquals("2024-02-29 23:59:59.999", rs.getString(3)));
    }
  }

  @Test
  void resultSetMetaDataDescribesEveryColumn() throws SQLException {
    int[] types = {Types.INTEGER, Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER,
        Types.BIGINT, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.VARCHAR, Types.CHAR,
        Types.DATE, Types.TIME, Types.TIMESTAMP, Types.VARCHAR};
    String[] names = COLUMNS.split(", ");
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM jt_lit WHERE id = 1")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(names.length, md.getColumnCount());
      for (int i = 1; i <= names.length; i++) {
        int col = i;
        assertAll("column " + names[i - 1],
            () -> assertEquals(names[col - 1], md.getColumnLabel(col).toLowerCase()),
            () -> assertEquals(types[col - 1], md.getColumnType(col)),
            () -> assertEquals(CLASSES.get(col - 1).getName(), md.getColumnClassName(col)),
            () -> assertEquals(col == 1 || col == names.length
                ? ResultSetMetaData.columnNoNulls : ResultSetMetaData.columnNullable,
                md.isNullable(col)));
      }
      assertEquals(12, md.getPrecision(7), "precision of DECIMAL(12, 4)");
      assertEquals(4, md.getScale(7), "scale of DECIMAL(12, 4)");
      assertEquals(12, md.getPrecision(10), "length of VARCHAR(12)");
      assertEquals(6, md.getPrecision(11), "length of CHAR(6)");
    }
  }

  /** Binds every column of {@code r} to parameters 1..15 with the typed setters. */
  private static void bind(PreparedStatement ps, Row r) throws SQLException {
    ps.setInt(1, r.id());
    if (r.b() == null) {
      int[] types = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
          Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.VARCHAR, Types.CHAR, Types.DATE,
          Types.TIME, Types.TIMESTAMP};
      for (int i = 0; i < types.length; i++) {
        ps.setNull(i + 2, types[i]);
      }
    } else {
      ps.setBoolean(2, r.b());
      ps.setByte(3, r.ti());
      ps.setShort(4, r.si());
      ps.setInt(5, r.i());
      ps.setLong(6, r.bi());
      ps.setBigDecimal(7, r.d());
      ps.setFloat(8, r.r());
      ps.setDouble(9, r.f());
      ps.setString(10, r.vc());
      ps.setString(11, r.c());
      ps.setDate(12, r.dt());
      ps.setTime(13, r.tm());
      ps.setTimestamp(14, r.ts());
    }
    ps.setString(15, r.label());
  }

  @Test
  void preparedStatementParametersOfEveryTypeRoundTrip() throws SQLException {
    update(conn, "CREATE TABLE jt_param" + DDL);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jt_param (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      assertEquals(15, ps.getParameterMetaData().getParameterCount());
      for (Row r : ROWS) {
        bind(ps, r);
        assertEquals(1, ps.executeUpdate(), "insert of row " + r.id());
      }
    }
    assertEquals(expected(ROWS), readAll("jt_param"));
  }

  @Test
  void parametersOfEveryTypeCompareEqualToStoredValues() throws SQLException {
    Row r = ROWS.get(0);
    Object[][] cases = {
        {"b", r.b()}, {"ti", r.ti()}, {"si", r.si()}, {"i", r.i()}, {"bi", r.bi()},
        {"d", r.d()}, {"r", r.r()}, {"f", r.f()}, {"vc", r.vc()}, {"dt", r.dt()},
        {"tm", r.tm()}, {"ts", r.ts()}};
    for (Object[] c : cases) {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT id FROM jt_lit WHERE " + c[0] + " = ?")) {
        ps.setObject(1, c[1]);
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getInt(1));
          }
        }
        List<Integer> want = new ArrayList<>();
        for (Row row : ROWS) {
          Object v = row.expected().get(List.of(COLUMNS.split(", ")).indexOf((String) c[0]));
          if (c[1].equals(v)) {
            want.add(row.id());
          }
        }
        assertEquals(want, ids, "rows whose " + c[0] + " = " + c[1]);
      }
    }
  }

  @Test
  void insertSelectCopiesEveryValueExactly() throws SQLException {
    update(conn, "CREATE TABLE jt_copy" + DDL);
    assertEquals(ROWS.size(), update(conn, "INSERT INTO jt_copy SELECT * FROM jt_lit"));
    assertEquals(expected(ROWS), readAll("jt_copy"));
    long withInt = ROWS.stream().filter(r -> r.i() != null).count();
    assertEquals(withInt, update(conn, "INSERT INTO jt_copy (id, label, i, vc) "
        + "SELECT id + 100, UPPER(label), i / 2, vc || '!' FROM jt_lit WHERE i IS NOT NULL"));
    List<List<Object>> derived = new ArrayList<>();
    for (Row r : ROWS) {
      if (r.i() != null) {
        derived.add(Sql.row(r.id() + 100, r.label().toUpperCase(), r.i() / 2, r.vc() + "!"));
      }
    }
    assertEquals(derived, query(conn,
        "SELECT id, label, i, vc FROM jt_copy WHERE id > 100 ORDER BY id"));
    assertEquals(ROWS.size() + withInt, count(conn, "SELECT COUNT(*) FROM jt_copy"));
  }

  /**
   * Rows of one VALUES list whose literals have different types in a column (NULL and a
   * DECIMAL for a DOUBLE column, a BIGINT and an INTEGER): the column's type is the target's.
   * Calcite's predicate pull-up once made such an INSERT fail with an internal error.
   */
  @Test
  void valuesRowsWithLiteralsOfDifferentTypesInsert() throws SQLException {
    update(conn, "CREATE TABLE jt_mixed (id INTEGER PRIMARY KEY, x DOUBLE, b BIGINT,"
        + " d DECIMAL(9, 3))");
    assertEquals(3, update(conn, "INSERT INTO jt_mixed VALUES (1, NULL, 3000000000, NULL),"
        + " (2, -0.5, 0, -1.5), (3, 2, NULL, 7)"));
    assertEquals(List.of(Sql.row(1, null, 3000000000L, null),
            Sql.row(2, -0.5, 0L, new BigDecimal("-1.500")),
            Sql.row(3, 2.0, null, new BigDecimal("7.000"))),
        query(conn, "SELECT id, x, b, d FROM jt_mixed ORDER BY id"));
  }

  @Test
  void updateWhereChangesExactlyTheMatchingRows() throws SQLException {
    update(conn, "CREATE TABLE jt_upd (id INTEGER PRIMARY KEY, v BIGINT, s VARCHAR(20))");
    Map<Integer, Object[]> model = new TreeMap<>();
    StringBuilder values = new StringBuilder();
    for (int id = 1; id <= 60; id++) {
      Long v = id % 7 == 0 ? null : (long) id * 11;
      model.put(id, new Object[] {id, v, "s" + id});
      values.append(id == 1 ? "" : ", ").append("(").append(id).append(", ").append(v)
          .append(", 's").append(id).append("')");
    }
    update(conn, "INSERT INTO jt_upd VALUES " + values);

    long matched = model.values().stream().filter(r -> (int) r[0] % 3 == 0).count();
    assertEquals(matched, update(conn,
        "UPDATE jt_upd SET v = v * 2, s = s || '!' WHERE MOD(id, 3) = 0"));
    for (Object[] r : model.values()) {
      if ((int) r[0] % 3 == 0) {
        r[1] = r[1] == null ? null : (Long) r[1] * 2;
        r[2] = r[2] + "!";
      }
    }
    assertEquals(0, update(conn, "UPDATE jt_upd SET v = 0 WHERE id > 1000"));
    long nulls = model.values().stream().filter(r -> r[1] == null).count();
    assertEquals(nulls, update(conn, "UPDATE jt_upd SET v = -1 WHERE v IS NULL"));
    for (Object[] r : model.values()) {
      if (r[1] == null) {
        r[1] = -1L;
      }
    }
    assertEquals(modelRows(model), query(conn, "SELECT id, v, s FROM jt_upd ORDER BY id"));
  }

  @Test
  void deleteWhereRemovesExactlyTheMatchingRows() throws SQLException {
    update(conn, "CREATE TABLE jt_del (id INTEGER PRIMARY KEY, v INTEGER)");
    Map<Integer, Object[]> model = new TreeMap<>();
    StringBuilder values = new StringBuilder();
    for (int id = 1; id <= 40; id++) {
      Integer v = id % 5 == 0 ? null : id % 4;
      model.put(id, new Object[] {id, v});
      values.append(id == 1 ? "" : ", ").append("(").append(id).append(", ").append(v)
          .append(")");
    }
    update(conn, "INSERT INTO jt_del VALUES " + values);
    // v = 1 is unknown, not true, for a NULL v: those rows stay.
    long hits = model.values().stream().filter(r -> r[1] != null && (int) r[1] == 1).count();
    assertEquals(hits, update(conn, "DELETE FROM jt_del WHERE v = 1"));
    model.values().removeIf(r -> r[1] != null && (int) r[1] == 1);
    assertEquals(0, update(conn, "DELETE FROM jt_del WHERE id < 0"));
    long big = model.keySet().stream().filter(id -> id > 30).count();
    assertEquals(big, update(conn, "DELETE FROM jt_del WHERE id > 30"));
    model.keySet().removeIf(id -> id > 30);
    assertEquals(modelRows(model), query(conn, "SELECT id, v FROM jt_del ORDER BY id"));
  }

  private static List<List<Object>> modelRows(Map<Integer, Object[]> model) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : model.values()) {
      out.add(Sql.row(r));
    }
    return out;
  }

  @Test
  void executeBatchOfPreparedInsertsWritesEveryRow() throws SQLException {
    update(conn, "CREATE TABLE jt_batch" + DDL);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      Row base = ROWS.get(k % ROWS.size());
      rows.add(new Row(1000 + k, base.b(), base.ti(), base.si(), base.i(), base.bi(), base.d(),
          base.r(), base.f(), base.vc(), base.c(), base.dt(), base.tm(), base.ts(),
          base.label() + k));
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jt_batch (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Row r : rows) {
        bind(ps, r);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      int[] ones = new int[rows.size()];
      java.util.Arrays.fill(ones, 1);
      assertArrayEquals(ones, counts);
    }
    assertEquals(expected(rows), readAll("jt_batch"));
  }

  @Test
  void executeBatchOfStatementsRunsEachInOrder() throws SQLException {
    update(conn, "CREATE TABLE jt_sbatch (id INTEGER PRIMARY KEY, v INTEGER)");
    try (Statement st = conn.createStatement()) {
      st.addBatch("INSERT INTO jt_sbatch VALUES (1, 10), (2, 20), (3, 30)");
      st.addBatch("UPDATE jt_sbatch SET v = v + 1 WHERE id >= 2");
      st.addBatch("DELETE FROM jt_sbatch WHERE id = 3");
      st.addBatch("INSERT INTO jt_sbatch VALUES (4, 40)");
      assertArrayEquals(new int[] {3, 2, 1, 1}, st.executeBatch());
    }
    assertEquals(List.of(Sql.row(1, 10), Sql.row(2, 21), Sql.row(4, 40)),
        query(conn, "SELECT id, v FROM jt_sbatch ORDER BY id"));
  }

  @Test
  void resultsLargerThanOneFrameArriveWhole() throws SQLException {
    int n = 5000;
    update(conn, "CREATE TABLE jt_big (id INTEGER PRIMARY KEY, s VARCHAR(20))");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO jt_big VALUES (?, ?)")) {
      for (int id = 0; id < n; id++) {
        ps.setInt(1, id);
        ps.setString(2, "row-" + id);
        ps.addBatch();
      }
      assertEquals(n, ps.executeBatch().length);
    }
    try (Statement st = conn.createStatement()) {
      st.setFetchSize(100);
      try (ResultSet rs = st.executeQuery("SELECT id, s FROM jt_big ORDER BY id DESC")) {
        for (int id = n - 1; id >= 0; id--) {
          assertTrue(rs.next(), "row " + id + " missing");
          assertEquals(id, rs.getInt(1));
          assertEquals("row-" + id, rs.getString(2));
        }
        assertFalse(rs.next());
      }
      st.setMaxRows(7);
      try (ResultSet rs = st.executeQuery("SELECT id FROM jt_big ORDER BY id")) {
        assertEquals(List.of(Sql.row(0), Sql.row(1), Sql.row(2), Sql.row(3), Sql.row(4),
            Sql.row(5), Sql.row(6)), Sql.rows(rs));
      }
    }
  }
}
