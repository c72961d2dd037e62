package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.expectError;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL spellings a user brings along: {@code expr::type}, type names such as {@code int8}
 * and {@code text}, and the functions {@code now()}, {@code date_trunc}, {@code btrim}, {@code
 * reverse} and {@code trunc}; in ad hoc queries and in a materialized view that follows writes.
 * Expected timestamps are truncated in Java, independently of Sluice.
 */
@ExtendWith(SharedServer.class)
class PostgresSyntaxTest {
  private static Connection conn;

  private static final LocalDateTime[] TIMES = {
      LocalDateTime.of(2026, 1, 1, 10, 15, 30), // a Thursday
      LocalDateTime.of(2026, 11, 22, 23, 59, 59), // a Sunday
      LocalDateTime.of(2026, 11, 23, 0, 0, 0), // a Monday
      LocalDateTime.of(2029, 12, 31, 13, 1, 2),
  };

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @BeforeAll
  static void setUp(Connection connection) throws SQLException {
    conn = connection;
    update(conn, "CREATE TABLE pg_t (id int8 PRIMARY KEY, ts timestamp, name text, ok bool,"
        + " amount numeric(8, 3), ratio float8, small int2)");
    for (int i = 0; i < TIMES.length; i++) {
      update(conn, "INSERT INTO pg_t VALUES (" + (i + 1) + ", TIMESTAMP '"
          + TIMES[i].format(SECONDS) + "', '  name" + i + " ', " + (i % 2 == 0)
          + ", " + (i * 10.5 + 0.125) + ", " + (i - 1.75) + ", " + i + ")");
    }
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return Sql.normalize(query(conn, sql));
  }

  @Test
  void postfixCastBindsTighterThanArithmeticAndTakesEveryTypeName() throws SQLException {
    assertEquals(List.of(row(8L, "2026-01-02", 3L, new BigDecimal("2.5"), 24L, "ab", true)),
        rows("SELECT 3 + '5'::int, CAST('2026-01-02'::date AS varchar), (1 + 2)::int8,"
            + " '2.5'::numeric(3, 1), '12'::int8 * 2, 'abc'::varchar(2), 'true'::bool"));
    // -1::int is -(1::int), as in PostgreSQL.
    assertEquals(List.of(row(-1L, -3L)), rows("SELECT -1::int, - (1 + 2)::int2"));
    // Columns, and PostgreSQL's names of the built-in types.
    assertEquals(List.of(row(1L, "1", 1.0f, 0.125, "-1.75")),
        rows("SELECT id::int4, id::text, small::float4 + 1, amount::float8,"
            + " CAST(ratio AS string) FROM pg_t WHERE id = 1"));
  }

  @Test
  void aTimestampWithoutPrecisionKeepsMilliseconds() throws SQLException {
    LocalDateTime t = LocalDateTime.of(2026, 11, 23, 10, 0, 0, 123_000_000);
    assertEquals(List.of(row(t, t, t.withNano(0))),
        rows("SELECT '2026-11-23 10:00:00.123'::timestamp,"
            + " CAST('2026-11-23 10:00:00.123' AS TIMESTAMP),"
            + " CAST(TIMESTAMP '2026-11-23 10:00:00.123' AS TIMESTAMP(0))"));
  }

  @Test
  void integersMoveDatesByDaysAndCastToIntervalsOfTheirUnit() throws SQLException {
    update(conn, "CREATE TABLE pg_due (id int4 PRIMARY KEY, issued date, days int4, hours int8)");
    update(conn, "INSERT INTO pg_due VALUES (1, DATE '2026-01-01', 40, 30),"
        + " (2, DATE '2026-02-27', 2, 0), (3, NULL, 1, NULL)");
    String query = "SELECT id, issued + days AS due, issued - days AS earlier, 1 + issued AS day_after,"
        + " issued + CAST(days AS INTERVAL DAY) AS due2,"
        + " CAST(issued AS TIMESTAMP) + CAST(hours AS INTERVAL HOUR) AS at_hour,"
        + " CAST(days AS INTERVAL DAY) > INTERVAL '39' DAY AS long_wait FROM pg_due";
    List<List<Object>> want = new ArrayList<>();
    for (Object[] r : new Object[][] {{1, "2026-01-01", 40, 30L}, {2, "2026-02-27", 2, 0L},
        {3, null, 1, null}}) {
      java.time.LocalDate issued = r[1] == null ? null : java.time.LocalDate.parse((String) r[1]);
      int days = (Integer) r[2];
      want.add(row((long) (Integer) r[0],
          issued == null ? null : issued.plusDays(days),
          issued == null ? null : issued.minusDays(days),
          issued == null ? null : issued.plusDays(1),
          issued == null ? null : issued.plusDays(days),
          issued == null || r[3] == null ? null : issued.atStartOfDay().plusHours((Long) r[3]),
          days > 39));
    }
    assertEquals(want, rows(query + " ORDER BY id"));
    // Constants fold while planning, by the same rule.
    assertEquals(List.of(row(java.time.LocalDate.of(2025, 11, 22), true)),
        rows("SELECT DATE '2026-01-01' - CAST(40 AS INTERVAL DAY),"
            + " CAST(40 AS INTERVAL DAY) = INTERVAL '40' DAY"));
    update(conn, "CREATE MATERIALIZED VIEW pg_due_mv AS " + query);
    update(conn, "UPDATE pg_due SET days = days + 1");
    assertEquals(rows(query + " ORDER BY id"), rows("SELECT * FROM pg_due_mv ORDER BY id"));
    update(conn, "DROP MATERIALIZED VIEW pg_due_mv");
  }

  @Test
  void tablesTakePostgresTypeNames() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name, ok, ratio, small FROM pg_t")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals(Types.VARCHAR, md.getColumnType(2));
      assertEquals(Types.BOOLEAN, md.getColumnType(3));
      assertEquals(Types.DOUBLE, md.getColumnType(4));
      assertEquals(Types.SMALLINT, md.getColumnType(5));
    }
  }

  @Test
  void castsAndFilteredAggregatesAreNamedAsInPostgres() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT CAST(id AS text), small::int8, count(*) FILTER"
            + " (WHERE ok), row_number() OVER (ORDER BY id), date_trunc('day', ts), now()"
            + " FROM pg_t GROUP BY id, small, ts")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i));
      }
      assertEquals(List.of("id", "small", "count", "row_number", "date_trunc", "now"), names);
    }
  }

  @Test
  void dateTruncCutsToEachUnitAndStartsWeeksOnMonday() throws SQLException {
    List<List<Object>> want = new ArrayList<>();
    for (int i = 0; i < TIMES.length; i++) {
      LocalDateTime t = TIMES[i];
      want.add(row((long) (i + 1), t.truncatedTo(ChronoUnit.MINUTES),
          t.truncatedTo(ChronoUnit.HOURS), t.truncatedTo(ChronoUnit.DAYS),
          t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
          t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1),
          t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
              .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1),
          t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1),
          t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(t.getYear() / 10 * 10)));
    }
    assertEquals(want, rows("SELECT id, date_trunc('minute', ts), date_trunc('HOUR', ts),"
        + " date_trunc('day', ts), date_trunc('week', ts), date_trunc('month', ts),"
        + " date_trunc('quarter', ts), date_trunc('years', ts), date_trunc('decade', ts)"
        + " FROM pg_t ORDER BY id"));
    // A date is truncated as the timestamp of its midnight; a NULL unit gives NULL.
    assertEquals(List.of(row(LocalDateTime.of(2026, 11, 1, 0, 0), null)),
        rows("SELECT date_trunc('month', DATE '2026-11-25'), date_trunc(NULL, ts)"
            + " FROM pg_t WHERE id = 1"));
  }

  @Test
  void nowBtrimReverseAndTrunc() throws SQLException {
    LocalDateTime before = LocalDateTime.now().minusSeconds(1);
    List<Object> r = rows("SELECT now(), btrim('  x y  '), btrim('xyaxy', 'xy'), reverse('abc'),"
        + " trunc(12.345), trunc(-12.345, 2), trunc(7.9e0), trunc(amount, 1)"
        + " FROM pg_t WHERE id = 2").get(0);
    LocalDateTime now = (LocalDateTime) r.get(0);
    assertTrue(!now.isBefore(before) && now.isBefore(LocalDateTime.now().plusSeconds(1)),
        () -> "now() is " + now);
    assertEquals(row("x y", "a", "cba", new BigDecimal("12"), new BigDecimal("-12.34"), 7.0,
        new BigDecimal("10.6")), r.subList(1, r.size()));
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT trunc(12.345), trunc(amount, 1) FROM pg_t")) {
      assertEquals(0, rs.getMetaData().getScale(1));
      assertEquals(1, rs.getMetaData().getScale(2));
    }
  }

  @Test
  void aMaterializedViewInPostgresSpellingFollowsWrites() throws SQLException {
    update(conn, "CREATE TABLE pg_ev (id int8 PRIMARY KEY, seen timestamp, who text)");
    update(conn, "CREATE MATERIALIZED VIEW pg_hourly AS SELECT date_trunc('hour', seen) AS hr,"
        + " btrim(who)::varchar(8) AS who, count(*)::int4 AS n FROM pg_ev"
        + " GROUP BY date_trunc('hour', seen), btrim(who)");
    update(conn, "INSERT INTO pg_ev VALUES (1, TIMESTAMP '2026-11-23 10:05:00', ' ann '),"
        + " (2, TIMESTAMP '2026-11-23 10:55:00', 'ann'), (3, TIMESTAMP '2026-11-23 11:00:00',"
        + " 'bob')");
    LocalDateTime ten = LocalDateTime.of(2026, 11, 23, 10, 0);
    assertEquals(List.of(row(ten, "ann", 2L), row(ten.plusHours(1), "bob", 1L)),
        rows("SELECT * FROM pg_hourly ORDER BY hr, who"));
    update(conn, "UPDATE pg_ev SET seen = TIMESTAMP '2026-11-23 11:30:00' WHERE id = 2");
    update(conn, "DELETE FROM pg_ev WHERE id = 3");
    assertEquals(List.of(row(ten, "ann", 1L), row(ten.plusHours(1), "ann", 1L)),
        rows("SELECT * FROM pg_hourly ORDER BY hr, who"));
    update(conn, "DROP MATERIALIZED VIEW pg_hourly");
  }

  @Test
  void wordsCalciteReservesNameColumnsAsInPostgres() throws SQLException {
    update(conn, "CREATE TABLE pg_readings (id int8 PRIMARY KEY, year int4, hour int4,"
        + " value float8, date date, timestamp timestamp, count int4, position int4,"
        + " start text)");
    update(conn, "INSERT INTO pg_readings VALUES (1, 2026, 10, 1.5, DATE '2026-11-23',"
        + " TIMESTAMP '2026-11-23 10:00:00', 3, 1, 'a'), (2, 2026, 11, 2.5, DATE '2026-11-23',"
        + " TIMESTAMP '2026-11-23 11:00:00', 4, 2, 'b')");
    update(conn, "CREATE MATERIALIZED VIEW pg_yearly AS SELECT year, date, count(*) AS count,"
        + " sum(value) AS value, max(count) AS max, min(start) AS start FROM pg_readings"
        + " GROUP BY year, date");
    assertEquals(List.of(row(2026L, java.time.LocalDate.of(2026, 11, 23), 2L, 4.0, 4L, "a")),
        rows("SELECT * FROM pg_yearly"));
    update(conn, "UPDATE pg_readings SET value = value * 2, count = count + position,"
        + " start = 'c' WHERE hour = 10");
    assertEquals(List.of(row(2026L, 2L, 5.5, 4L, "b")),
        rows("SELECT y.year, y.count, y.value, y.max, y.start FROM pg_yearly AS y"
            + " WHERE y.date = DATE '2026-11-23' AND y.year = EXTRACT(YEAR FROM y.date)"));
    // The same words keep their own meaning where the grammar expects them.
    assertEquals(List.of(row(2L, 4L, 10L, LocalDateTime.of(2026, 11, 23, 11, 0))),
        rows("SELECT COUNT(*), MAX(count), MIN(hour),"
            + " MAX(timestamp) + INTERVAL '1' HOUR - INTERVAL '60' MINUTE FROM pg_readings"));
    update(conn, "DROP MATERIALIZED VIEW pg_yearly");
  }

  @Test
  void clearErrors() throws SQLException {
    SQLException syntax = expectError(conn, "42601", "SELECT id:: FROM pg_t");
    assertTrue(syntax.getMessage().contains("column 10"), syntax::getMessage);
    expectError(conn, "22023", "SELECT date_trunc('fortnight', ts) FROM pg_t");
    expectError(conn, "0A000", "SELECT date_trunc('century', ts) FROM pg_t");
    expectError(conn, "42704", "SELECT id::nosuchtype FROM pg_t");
    SQLException datetime = expectError(conn, "22007", "SELECT 'soon'::timestamp");
    assertTrue(datetime.getMessage().contains("'soon'"), datetime::getMessage);
    // A view with the clock in it could not stay equal to its query.
    expectError(conn, "0A000",
        "CREATE MATERIALIZED VIEW pg_recent AS SELECT id FROM pg_t WHERE ts > now()");
    expectError(conn, "0A000",
        "CREATE MATERIALIZED VIEW pg_rand AS SELECT id, random() AS r FROM pg_t");
    assertEquals(List.of(), rows("SELECT 1 FROM pg_t WHERE ts > now() + INTERVAL '100' YEAR"));
  }
}
