package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code SELECT STREAM} through the remote driver against a real server: the initial result
 * as {@code +I} rows of one epoch, then every committed change made by another connection, in
 * order, with {@code -U}/{@code +U} where the query's key pairs them; the stream ends on the
 * server when its statement, result set or connection closes or it is cancelled
 * ({@code sys.continuous_queries} shows it gone within 2 s); a reader that falls behind gets an
 * error rather than silently missing rows; 50 streams run at once.
 */
@ExtendWith(SharedServer.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamTest {
  private static ServerProcess server;
  private static Connection writer;

  @BeforeAll
  static void setUp(ServerProcess s) throws SQLException {
    server = s;
    writer = s.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    if (writer != null) {
      writer.close();
    }
  }

  /** One streamed row: op, epoch, epoch_end and the query's columns. */
  private record Change(String op, long epoch, boolean end, List<Object> values) {}

  private static Change next(ResultSet rs) throws SQLException {
    assertTrue(rs.next(), "a stream does not end");
    int n = rs.getMetaData().getColumnCount();
    List<Object> values = new ArrayList<>();
    for (int i = 4; i <= n; i++) {
      Object v = rs.getObject(i);
      values.add(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v);
    }
    return new Change(rs.getString(1), rs.getLong(2), rs.getBoolean(3), values);
  }

  /** The rows of the next epoch: reads until a row with epoch_end. */
  private static List<Change> epoch(ResultSet rs) throws SQLException {
    List<Change> out = new ArrayList<>();
    Change c;
    do {
      c = next(rs);
      if (!out.isEmpty()) {
        assertEquals(out.get(0).epoch(), c.epoch(), "one epoch's rows share its number");
      }
      out.add(c);
    } while (!c.end());
    return out;
  }

  private static List<Object> vals(Object... v) {
    return List.of(v);
  }

  @Test
  void initialResultThenEveryChangeWithOps() throws SQLException {
    update(writer, "CREATE TABLE st_items (id INT PRIMARY KEY, name VARCHAR(10), qty INT)");
    update(writer, "INSERT INTO st_items VALUES (1, 'apple', 3), (2, 'pear', 5)");
    try (Connection c = server.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT STREAM id, name, qty FROM st_items")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(6, md.getColumnCount());
      assertEquals("op", md.getColumnLabel(1));
      assertEquals("epoch", md.getColumnLabel(2));
      assertEquals(Types.BIGINT, md.getColumnType(2));
      assertEquals("epoch_end", md.getColumnLabel(3));
      assertEquals(Types.BOOLEAN, md.getColumnType(3));
      assertEquals("id", md.getColumnLabel(4));

      List<Change> initial = epoch(rs);
      assertEquals(2, initial.size());
      Map<Object, Change> byId = new HashMap<>();
      for (Change ch : initial) {
        assertEquals("+I", ch.op());
        byId.put(ch.values().get(0), ch);
      }
      assertEquals(vals(1, "apple", 3), byId.get(1).values());
      assertEquals(vals(2, "pear", 5), byId.get(2).values());
      long last = initial.get(0).epoch();

      update(writer, "INSERT INTO st_items VALUES (3, 'plum', 7)");
      List<Change> e1 = epoch(rs);
      assertEquals(List.of(new Change("+I", e1.get(0).epoch(), true, vals(3, "plum", 7))), e1);
      assertTrue(e1.get(0).epoch() > last);
      last = e1.get(0).epoch();

      update(writer, "UPDATE st_items SET qty = 4 WHERE id = 1");
      List<Change> e2 = epoch(rs);
      long ep = e2.get(0).epoch();
      assertTrue(ep > last);
      assertEquals(List.of(new Change("-U", ep, false, vals(1, "apple", 3)),
          new Change("+U", ep, true, vals(1, "apple", 4))), e2);
      last = ep;

      update(writer, "DELETE FROM st_items WHERE id = 2");
      List<Change> e3 = epoch(rs);
      ep = e3.get(0).epoch();
      assertTrue(ep > last);
      assertEquals(List.of(new Change("-D", ep, true, vals(2, "pear", 5))), e3);

      // Several statements between two reads: applying the rows in order gives the table.
      update(writer, "INSERT INTO st_items VALUES (4, 'fig', 1)");
      update(writer, "UPDATE st_items SET name = 'figs' WHERE id = 4");
      update(writer, "DELETE FROM st_items WHERE id = 3");
      update(writer, "INSERT INTO st_items VALUES (5, 'kiwi', 2)");
      Map<Object, List<Object>> state = new HashMap<>();
      state.put(1, vals(1, "apple", 4));
      state.put(3, vals(3, "plum", 7));
      List<List<Object>> expected = query(writer, "SELECT id, name, qty FROM st_items");
      while (state.size() != expected.size() || !state.values().containsAll(expected)) {
        Change ch = next(rs);
        switch (ch.op()) {
          case "+I", "+U" -> assertEquals(null, state.put(ch.values().get(0), ch.values()));
          case "-D", "-U" -> assertEquals(ch.values(), state.remove(ch.values().get(0)));
          default -> throw new AssertionError(ch);
        }
      }
    }
  }

  @Test
  void aggregatesOverJoinsPairUpdatesByGroupKey() throws SQLException {
    update(writer, "CREATE TABLE st_orders (id INT PRIMARY KEY, cust INT, amount DECIMAL(8, 2))");
    update(writer, "CREATE TABLE st_custs (id INT PRIMARY KEY, region VARCHAR(5))");
    update(writer, "INSERT INTO st_custs VALUES (1, 'eu'), (2, 'us')");
    update(writer, "INSERT INTO st_orders VALUES (1, 1, 10), (2, 2, 5), (3, 1, 2.5)");
    try (Connection c = server.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT STREAM c.region, COUNT(*) AS n,"
            + " SUM(o.amount) AS total FROM st_orders o JOIN st_custs c ON o.cust = c.id"
            + " GROUP BY c.region")) {
      List<Change> initial = epoch(rs);
      assertEquals(2, initial.size());
      assertTrue(initial.contains(new Change("+I", initial.get(0).epoch(),
          initial.get(0).end(), initial.get(0).values())));
      Map<Object, List<Object>> rows = new HashMap<>();
      for (Change ch : initial) {
        assertEquals("+I", ch.op());
        rows.put(ch.values().get(0), ch.values());
      }
      assertEquals(vals("eu", 2L, "12.5"), rows.get("eu"));
      assertEquals(vals("us", 1L, "5"), rows.get("us"));

      update(writer, "INSERT INTO st_orders VALUES (4, 2, 1)");
      List<Change> e1 = epoch(rs);
      long ep = e1.get(0).epoch();
      assertEquals(List.of(new Change("-U", ep, false, vals("us", 1L, "5")),
          new Change("+U", ep, true, vals("us", 2L, "6"))), e1);

      update(writer, "DELETE FROM st_orders WHERE cust = 2");
      List<Change> e2 = epoch(rs);
      assertEquals(List.of(new Change("-D", e2.get(0).epoch(), true, vals("us", 2L, "6"))),
          e2);
    }
  }

  @Test
  void withoutAKeyAnUpdateIsADeleteAndAnInsert() throws SQLException {
    update(writer, "CREATE TABLE st_nokey (id INT PRIMARY KEY, name VARCHAR(10))");
    update(writer, "INSERT INTO st_nokey VALUES (1, 'a')");
    try (Connection c = server.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT STREAM name FROM st_nokey")) {
      assertEquals(List.of(new Change("+I", next0(rs).epoch(), true, vals("a"))).size(), 1);
      update(writer, "UPDATE st_nokey SET name = 'b' WHERE id = 1");
      List<Change> e = epoch(rs);
      long ep = e.get(0).epoch();
      assertEquals(List.of(new Change("-D", ep, false, vals("a")),
          new Change("+I", ep, true, vals("b"))), e);
    }
  }

  private static Change next0(ResultSet rs) throws SQLException {
    Change c = next(rs);
    assertEquals("+I", c.op());
    assertTrue(c.end());
    return c;
  }

  @Test
  void anEmptyInitialResultReturnsAtOnceAndWaitsForChanges() throws SQLException {
    update(writer, "CREATE TABLE st_empty (id INT PRIMARY KEY)");
    try (Connection c = server.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT STREAM id FROM st_empty")) {
      // executeQuery returned without any row; the next row is the first change.
      update(writer, "INSERT INTO st_empty VALUES (42)");
      Change ch = next(rs);
      assertEquals("+I", ch.op());
      assertEquals(vals(42), ch.values());
    }
  }

  /** The streams sys.continuous_queries lists for a session. */
  private static List<List<Object>> streamsOf(int sessionId) throws SQLException {
    return query(writer, "SELECT name, query, status FROM sys.continuous_queries"
        + " WHERE kind = 'stream' AND session_id = ?", sessionId);
  }

  private static int sessionOf(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = query(writer, "SELECT session_id FROM sys.continuous_queries"
        + " WHERE kind = 'stream' AND query = ?", sql);
    assertEquals(1, rows.size(), "the running stream is listed: " + rows);
    return ((Number) rows.get(0).get(0)).intValue();
  }

  /** Waits up to 2 s for a session's streams to be gone; fails otherwise. */
  private static void assertGoneWithin2s(int sessionId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    List<List<Object>> rows = streamsOf(sessionId);
    while (!rows.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      rows = streamsOf(sessionId);
    }
    assertEquals(List.of(), rows, "the stream is gone from the server within 2 s");
  }

  @Test
  void closingTheStatementEndsTheStreamOnTheServer() throws Exception {
    update(writer, "CREATE TABLE st_life1 (id INT PRIMARY KEY)");
    String sql = "SELECT STREAM id FROM st_life1";
    try (Connection c = server.connect()) {
      Statement st = c.createStatement();
      ResultSet rs = st.executeQuery(sql);
      int session = sessionOf(c, sql);
      assertEquals(1, streamsOf(session).size());
      assertEquals("running", streamsOf(session).get(0).get(2));
      st.close();
      assertGoneWithin2s(session);
      assertTrue(rs.isClosed());
    }
  }

  @Test
  void closingTheResultSetEndsTheStreamAndTheStatementRunsAgain() throws Exception {
    update(writer, "CREATE TABLE st_life2 (id INT PRIMARY KEY)");
    update(writer, "INSERT INTO st_life2 VALUES (1)");
    String sql = "SELECT STREAM id FROM st_life2";
    try (Connection c = server.connect(); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery(sql);
      assertEquals(vals(1), next(rs).values());
      int session = sessionOf(c, sql);
      rs.close();
      assertGoneWithin2s(session);
      try (ResultSet again = st.executeQuery("SELECT id FROM st_life2")) {
        assertTrue(again.next());
        assertEquals(1, again.getInt(1));
      }
    }
  }

  @Test
  void closingTheConnectionEndsTheStream() throws Exception {
    update(writer, "CREATE TABLE st_life3 (id INT PRIMARY KEY)");
    String sql = "SELECT STREAM id FROM st_life3";
    Connection c = server.connect();
    c.createStatement().executeQuery(sql);
    int session = sessionOf(c, sql);
    c.close();
    assertGoneWithin2s(session);
  }

  @Test
  void cancelEndsABlockedNextAndTheStreamOnTheServer() throws Exception {
    update(writer, "CREATE TABLE st_life4 (id INT PRIMARY KEY)");
    String sql = "SELECT STREAM id FROM st_life4";
    try (Connection c = server.connect(); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery(sql);
      int session = sessionOf(c, sql);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      CountDownLatch reading = new CountDownLatch(1);
      Future<SQLException> blocked = pool.submit(() -> {
        reading.countDown();
        try {
          rs.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      reading.await();
      // Whether or not next() is already inside a fetch, cancel must end it.
      st.cancel();
      SQLException e = blocked.get(10, TimeUnit.SECONDS);
      pool.shutdown();
      assertTrue(e != null, "next() ends with an exception");
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertGoneWithin2s(session);
    }
  }

  @Test
  void aReaderThatFallsBehindGetsAnErrorNotMissingRows() throws SQLException {
    update(writer, "CREATE TABLE st_slow (id INT PRIMARY KEY)");
    update(writer, "INSERT INTO st_slow VALUES (0)");
    try (Connection c = server.connect(); Statement st = c.createStatement()) {
      st.execute("SET stream_buffer_rows = 10");
      ResultSet rs = st.executeQuery("SELECT STREAM id FROM st_slow");
      assertEquals(vals(0), next(rs).values());
      StringBuilder values = new StringBuilder("(1)");
      for (int i = 2; i <= 20; i++) {
        values.append(", (").append(i).append(')');
      }
      update(writer, "INSERT INTO st_slow VALUES " + values);
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertEquals("53400", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("stream_buffer_rows"), e.getMessage());
    }
  }

  @Test
  void whatCannotBeAStreamIsAnError() throws SQLException {
    update(writer, "CREATE TABLE st_bad (id INT PRIMARY KEY)");
    try (Connection c = server.connect(); Statement st = c.createStatement()) {
      SQLException unknown = assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT STREAM * FROM st_nowhere"));
      assertEquals("42P01", unknown.getSQLState(), unknown.getMessage());
      SQLException system = assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT STREAM * FROM sys.tables"));
      assertEquals("0A000", system.getSQLState(), system.getMessage());
      SQLException params = assertThrows(SQLException.class,
          () -> c.prepareStatement("SELECT STREAM id FROM st_bad WHERE id = ?"));
      assertEquals("0A000", params.getSQLState(), params.getMessage());
    }
  }

  @Test
  void fiftyStreamsAtOnce() throws Exception {
    update(writer, "CREATE TABLE st_fifty (id INT PRIMARY KEY, grp INT)");
    int streams = 50;
    List<Connection> conns = new ArrayList<>();
    List<ResultSet> results = new ArrayList<>();
    try {
      for (int i = 0; i < streams; i++) {
        Connection c = server.connect();
        conns.add(c);
        String sql = i % 2 == 0 ? "SELECT STREAM id, grp FROM st_fifty"
            : "SELECT STREAM grp, COUNT(*) AS n FROM st_fifty GROUP BY grp";
        results.add(c.createStatement().executeQuery(sql));
      }
      assertEquals(streams, ((Number) query(writer, "SELECT COUNT(*) FROM"
          + " sys.continuous_queries WHERE kind = 'stream' AND query LIKE '%st_fifty%'")
          .get(0).get(0)).intValue());
      int rows = 20;
      for (int i = 1; i <= rows; i++) {
        update(writer, "INSERT INTO st_fifty VALUES (" + i + ", " + (i % 2) + ")");
      }
      ExecutorService pool = Executors.newFixedThreadPool(streams);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        ResultSet rs = results.get(i);
        boolean plain = i % 2 == 0;
        done.add(pool.submit(() -> {
          Map<Object, List<Object>> state = new HashMap<>();
          // Plain streams end with every row; counting streams with 10 in each group.
          while (plain ? state.size() < rows
              : !(vals(0, 10L).equals(state.get(0)) && vals(1, 10L).equals(state.get(1)))) {
            Change ch = next(rs);
            if (ch.op().startsWith("+")) {
              state.put(ch.values().get(0), ch.values());
            } else {
              state.remove(ch.values().get(0));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(90, TimeUnit.SECONDS);
      }
      pool.shutdown();
    } finally {
      for (Connection c : conns) {
        c.close();
      }
    }
  }

  @Test
  void theEmbeddedDriverStreamsToo() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sluice:mem:");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      st.execute("INSERT INTO t VALUES (1)");
      try (Statement s2 = c.createStatement();
          ResultSet rs = s2.executeQuery("SELECT STREAM id FROM t")) {
        assertEquals(new Change("+I", next(rs).epoch(), true, vals(1)).values(), vals(1));
        st.execute("DELETE FROM t WHERE id = 1");
        Change ch = next(rs);
        assertEquals("-D", ch.op());
        assertEquals(vals(1), ch.values());
        assertFalse(rs.isClosed());
      }
    }
  }
}
