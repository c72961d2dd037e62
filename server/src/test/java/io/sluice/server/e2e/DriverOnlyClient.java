package io.sluice.server.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A plain JDBC program, run by {@link DriverOnlyClientTest} in a JVM whose class path holds
 * only the Sluice driver jar and this one class: what any application sees. It loads tables
 * with 100,000 rows in batches, then checks joins, grouping and ordering against answers it
 * computes itself. Prints what it checked; exits 0 when everything matched, 1 with a message
 * for each mismatch otherwise, 2 when it could not run at all.
 *
 * <p>Only the JDK may be used here: nothing else is on the class path.
 */
public final class DriverOnlyClient {
  static final int CUSTOMERS = 1000;
  static final int ORDERS = 100_000;
  static final int BATCH = 1000;
  static final String[] REGIONS = {"north", "south", "east", "west", "center"};

  private final List<String> problems = new ArrayList<>();
  private final Connection conn;

  // The generated data, kept to compute the expected answers.
  private final String[] customerRegion = new String[CUSTOMERS + 1];
  private final int[] orderCustomer = new int[ORDERS];
  private final long[] orderCents = new long[ORDERS];
  private final int[] orderQty = new int[ORDERS];

  private DriverOnlyClient(Connection conn) {
    this.conn = conn;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: DriverOnlyClient jdbc:sluice://host:port");
      System.exit(2);
    }
    String url = args[0];
    List<String> setupProblems = new ArrayList<>();
    try {
      Driver d = DriverManager.getDriver(url);
      System.out.println("DriverManager found " + d.getClass().getName() + " by itself");
    } catch (SQLException e) {
      setupProblems.add("DriverManager does not find a driver for " + url
          + " on its own (is META-INF/services/java.sql.Driver in the jar?): " + e.getMessage());
      try {
        Class.forName("io.sluice.jdbc.SluiceDriver");
      } catch (ClassNotFoundException missing) {
        System.err.println("io.sluice.jdbc.SluiceDriver is not on the class path");
        System.exit(2);
      }
    }
    int code;
    try (Connection c = DriverManager.getConnection(url)) {
      DriverOnlyClient client = new DriverOnlyClient(c);
      client.problems.addAll(setupProblems);
      client.run();
      code = client.report();
    } catch (SQLException | RuntimeException e) {
      for (String p : setupProblems) {
        System.err.println("MISMATCH: " + p);
      }
      System.err.println("FAILED: " + e);
      e.printStackTrace();
      code = 2;
    }
    System.exit(code);
  }

  private int report() {
    for (String p : problems) {
      System.err.println("MISMATCH: " + p);
    }
    System.out.println(problems.isEmpty() ? "ALL CHECKS PASSED"
        : problems.size() + " CHECKS FAILED");
    return problems.isEmpty() ? 0 : 1;
  }

  private void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      String e = String.valueOf(expected);
      String a = String.valueOf(actual);
      problems.add(what + ": expected " + abbreviate(e) + " but got " + abbreviate(a));
    } else {
      System.out.println("ok: " + what);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
  }

  private void run() throws SQLException {
    long start = System.nanoTime();
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE dc_customer (id INTEGER PRIMARY KEY,"
          + " region VARCHAR(10) NOT NULL)");
      st.execute("CREATE TABLE dc_order (id BIGINT PRIMARY KEY, customer INTEGER NOT NULL,"
          + " amount DECIMAL(12, 2) NOT NULL, qty INTEGER, note VARCHAR(20))");
    }
    Random rnd = new Random(7);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO dc_customer VALUES (?, ?)")) {
      for (int id = 1; id <= CUSTOMERS; id++) {
        customerRegion[id] = REGIONS[rnd.nextInt(REGIONS.length)];
        ps.setInt(1, id);
        ps.setString(2, customerRegion[id]);
        ps.addBatch();
      }
      checkBatch("customer batch", ps.executeBatch(), CUSTOMERS);
    }
    // Customers above 900 place no orders, so an outer join has something to find.
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO dc_order VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ORDERS; i++) {
        orderCustomer[i] = 1 + rnd.nextInt(900);
        orderCents[i] = 100 + rnd.nextInt(1_000_000);
        orderQty[i] = 1 + rnd.nextInt(20);
        ps.setLong(1, i);
        ps.setInt(2, orderCustomer[i]);
        ps.setBigDecimal(3, BigDecimal.valueOf(orderCents[i], 2));
        ps.setInt(4, orderQty[i]);
        ps.setString(5, "order " + i);
        ps.addBatch();
        if ((i + 1) % BATCH == 0) {
          checkBatch("order batch ending at " + i, ps.executeBatch(), BATCH);
        }
      }
    }
    System.out.printf("loaded %d orders in %.1f s%n", ORDERS, (System.nanoTime() - start) / 1e9);

    start = System.nanoTime();
    checkCounts();
    checkJoinGroupedByRegion();
    checkGroupByCustomer();
    checkCustomersWithoutOrders();
    checkTopOrders();
    checkFullOrderedScan();
    System.out.printf("queries took %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private void checkBatch(String what, int[] counts, int expected) {
    int[] ones = new int[expected];
    Arrays.fill(ones, 1);
    if (!Arrays.equals(ones, counts)) {
      problems.add(what + ": update counts " + abbreviate(Arrays.toString(counts)));
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          if (v instanceof BigDecimal d) {
            v = d.setScale(2);
          }
          sb.append(i == 1 ? "" : "|").append(v);
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private void checkCounts() throws SQLException {
    long distinct = Arrays.stream(orderCustomer).distinct().count();
    check("counts", List.of(ORDERS + "|" + distinct + "|" + CUSTOMERS),
        rows("SELECT COUNT(*), COUNT(DISTINCT customer), (SELECT COUNT(*) FROM dc_customer)"
            + " FROM dc_order"));
  }

  private void checkJoinGroupedByRegion() throws SQLException {
    TreeMap<String, long[]> byRegion = new TreeMap<>();
    for (int i = 0; i < ORDERS; i++) {
      long[] acc = byRegion.computeIfAbsent(customerRegion[orderCustomer[i]], r -> new long[3]);
      acc[0]++;
      acc[1] += orderCents[i];
      acc[2] += orderQty[i];
    }
    List<String> want = new ArrayList<>();
    byRegion.forEach((region, acc) -> want.add(region + "|" + acc[0] + "|"
        + BigDecimal.valueOf(acc[1], 2) + "|" + acc[2]));
    check("join grouped by region", want,
        rows("SELECT c.region, COUNT(*), SUM(o.amount), SUM(o.qty) FROM dc_order o"
            + " JOIN dc_customer c ON o.customer = c.id GROUP BY c.region ORDER BY c.region"));
  }

  private void checkGroupByCustomer() throws SQLException {
    long[] count = new long[CUSTOMERS + 1];
    long[] sum = new long[CUSTOMERS + 1];
    long[] min = new long[CUSTOMERS + 1];
    long[] max = new long[CUSTOMERS + 1];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int i = 0; i < ORDERS; i++) {
      int c = orderCustomer[i];
      count[c]++;
      sum[c] += orderCents[i];
      min[c] = Math.min(min[c], orderCents[i]);
      max[c] = Math.max(max[c], orderCents[i]);
    }
    List<String> want = new ArrayList<>();
    for (int c = 1; c <= CUSTOMERS; c++) {
      if (count[c] >= 100) {
        want.add(c + "|" + count[c] + "|" + BigDecimal.valueOf(sum[c], 2) + "|"
            + BigDecimal.valueOf(min[c], 2) + "|" + BigDecimal.valueOf(max[c], 2));
      }
    }
    check("group by customer having count >= 100", want,
        rows("SELECT customer, COUNT(*), SUM(amount), MIN(amount), MAX(amount) FROM dc_order"
            + " GROUP BY customer HAVING COUNT(*) >= 100 ORDER BY customer"));
  }

  private void checkCustomersWithoutOrders() throws SQLException {
    boolean[] has = new boolean[CUSTOMERS + 1];
    for (int c : orderCustomer) {
      has[c] = true;
    }
    List<String> want = new ArrayList<>();
    for (int c = 1; c <= CUSTOMERS; c++) {
      if (!has[c]) {
        want.add(c + "|" + customerRegion[c]);
      }
    }
    check("customers without orders (left join)", want,
        rows("SELECT c.id, c.region FROM dc_customer c LEFT JOIN dc_order o"
            + " ON o.customer = c.id WHERE o.id IS NULL ORDER BY c.id"));
  }

  private void checkTopOrders() throws SQLException {
    Integer[] idx = new Integer[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> orderCents[a] != orderCents[b]
        ? Long.compare(orderCents[b], orderCents[a]) : Integer.compare(a, b));
    List<String> want = new ArrayList<>();
    for (int k = 50; k < 150; k++) {
      int i = idx[k];
      want.add(i + "|" + BigDecimal.valueOf(orderCents[i], 2) + "|" + orderCustomer[i]);
    }
    check("orders 50-149 by amount descending", want,
        rows("SELECT id, amount, customer FROM dc_order ORDER BY amount DESC, id"
            + " LIMIT 100 OFFSET 50"));
  }

  private void checkFullOrderedScan() throws SQLException {
    Integer[] idx = new Integer[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> orderCustomer[a] != orderCustomer[b]
        ? Integer.compare(orderCustomer[a], orderCustomer[b]) : Integer.compare(b, a));
    List<String> want = new ArrayList<>(ORDERS);
    for (int i : idx) {
      want.add(i + "|" + orderCustomer[i] + "|order " + i);
    }
    check("all orders by customer, then id descending", want,
        rows("SELECT id, customer, note FROM dc_order ORDER BY customer, id DESC"));
  }
}
