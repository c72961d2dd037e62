package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A two-way join, {@code orders JOIN customers ON o.cust = c.id}, with changes on both sides.
 * Phase {@code insert}: one customer for every four orders, written interleaved in rounds, and
 * each order names a customer drawn from all of them, so most orders arrive before their
 * customer and both sides' join state is probed. Phase {@code update}: one customer in ten
 * changes region (a delete and an insert in the log), which retracts and re-emits every joined
 * order of that customer.
 */
final class JoinScenario extends ViewScenario {
  static final String NAME = "join";
  /** Changes per round of interleaved customer and order inserts. */
  private static final long ROUND_CHANGES = 20_000;
  private static final int REGIONS = 50;

  private final long customers;
  private final long orders;

  JoinScenario(String prefix, long changes, long keys) {
    super(prefix, changes, keys);
    this.customers = Math.max(1, changes / 5);
    this.orders = changes - customers;
  }

  @Override
  String name() {
    return NAME;
  }

  @Override
  String description() {
    return String.format(Locale.ROOT, "%,d customer and %,d order inserts interleaved, then "
        + "%,d customers updated", customers, orders, customers / 10);
  }

  private String customersTable() {
    return table("j_customers");
  }

  private String ordersTable() {
    return table("j_orders");
  }

  @Override
  List<String> createTables() {
    return List.of(
        "CREATE TABLE " + customersTable()
            + " (id BIGINT PRIMARY KEY, name VARCHAR(32) NOT NULL, region BIGINT NOT NULL)",
        "CREATE TABLE " + ordersTable()
            + " (id BIGINT PRIMARY KEY, cust BIGINT NOT NULL, amount BIGINT NOT NULL)");
  }

  @Override
  String viewQuery() {
    return "SELECT o.id AS order_id, o.amount, c.id AS cust_id, c.name, c.region FROM "
        + ordersTable() + " o JOIN " + customersTable() + " c ON o.cust = c.id";
  }

  static String customerName(long id) {
    return "customer-" + id;
  }

  static long region(long customer) {
    return uniform(customer, 4, REGIONS);
  }

  private long cust(long order) {
    return 1 + uniform(order, 5, customers);
  }

  static long amount(long order) {
    return uniform(order, 6, 100_000);
  }

  /** Whether the update phase changes this customer's region. */
  static boolean updated(long customer) {
    return customer % 10 == 0;
  }

  @Override
  List<Phase> phases() {
    return List.of(new Phase("insert", this::insert), new Phase("update", this::update));
  }

  private long insert(Session s, AtomicLong progress, PrintStream log) {
    RowInserter c = new RowInserter(s, customersTable(), 3, progress);
    RowInserter o = new RowInserter(s, ordersTable(), 3, progress);
    long rounds = Math.max(1, (changes + ROUND_CHANGES - 1) / ROUND_CHANGES);
    long nextCustomer = 1;
    long nextOrder = 1;
    for (long r = 1; r <= rounds; r++) {
      long customersTo = customers * r / rounds;
      for (; nextCustomer <= customersTo; nextCustomer++) {
        c.add(nextCustomer, customerName(nextCustomer), region(nextCustomer));
      }
      c.flush();
      long ordersTo = orders * r / rounds;
      for (; nextOrder <= ordersTo; nextOrder++) {
        o.add(nextOrder, cust(nextOrder), amount(nextOrder));
      }
      o.flush();
    }
    return c.rows() + o.rows();
  }

  private long update(Session s, AtomicLong progress, PrintStream log) {
    long n = EmbeddedDatabase.update(s, "UPDATE " + customersTable()
        + " SET region = region + 1 WHERE id % 10 = 0");
    progress.addAndGet(n);
    long expected = customers / 10;
    if (n != expected) {
      throw new IllegalStateException("UPDATE changed " + n + " customers, expected " + expected);
    }
    log.printf(Locale.ROOT, "  updated %,d customers (each a delete and an insert in the log)%n",
        n);
    return 2 * n;
  }

  @Override
  void expectedRows(int phasesDone, Consumer<Object[]> out) {
    for (long id = 1; id <= orders; id++) {
      long c = cust(id);
      long region = region(c) + (phasesDone >= 2 && updated(c) ? 1 : 0);
      out.accept(new Object[] {id, amount(id), c, customerName(c), region});
    }
  }
}
