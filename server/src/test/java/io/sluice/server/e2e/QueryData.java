package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.normalize;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data the remote query tests check against: departments and employees, and two
 * multisets for the set operations, generated from a fixed seed with NULLs, duplicates and
 * dangling keys, loaded once into the shared server; and how the tests compare rows.
 */
final class QueryData {
  record Emp(int id, String name, Integer dept, BigDecimal salary, Integer grade,
      Boolean active, LocalDate hired) {}

  record Dept(int id, String title, BigDecimal budget) {}

  static final List<Dept> DEPTS = new ArrayList<>();
  static final List<Emp> EMPS = new ArrayList<>();
  /** Multisets with duplicates and NULLs, for the set operations: q_a.x and q_b.x. */
  static final List<Integer> A = new ArrayList<>();
  static final List<Integer> B = new ArrayList<>();

  private static boolean loaded;

  private QueryData() {}

  /**
   * Creates and fills the tables on the shared server, once per test JVM (the classes that use
   * them share the server): q_dept, q_emp, q_a, q_b.
   */
  static synchronized void loadOnce(Connection conn) throws SQLException {
    if (loaded) {
      return;
    }
    generate(new Random(20240229));
    update(conn, "CREATE TABLE q_dept (id INTEGER PRIMARY KEY, title VARCHAR(20) NOT NULL,"
        + " budget DECIMAL(12, 2))");
    update(conn, "CREATE TABLE q_emp (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL,"
        + " dept INTEGER, salary DECIMAL(10, 2), grade INTEGER, active BOOLEAN, hired DATE)");
    update(conn, "CREATE TABLE q_a (id INTEGER PRIMARY KEY, x INTEGER)");
    update(conn, "CREATE TABLE q_b (id INTEGER PRIMARY KEY, x INTEGER)");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO q_dept VALUES (?, ?, ?)")) {
      for (Dept d : DEPTS) {
        ps.setInt(1, d.id());
        ps.setString(2, d.title());
        ps.setBigDecimal(3, d.budget());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO q_emp VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Emp e : EMPS) {
        ps.setInt(1, e.id());
        ps.setString(2, e.name());
        ps.setObject(3, e.dept(), Types.INTEGER);
        ps.setBigDecimal(4, e.salary());
        ps.setObject(5, e.grade(), Types.INTEGER);
        ps.setObject(6, e.active(), Types.BOOLEAN);
        ps.setDate(7, Date.valueOf(e.hired()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    for (String t : List.of("q_a", "q_b")) {
      List<Integer> xs = t.equals("q_a") ? A : B;
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
        for (int i = 0; i < xs.size(); i++) {
          ps.setInt(1, i);
          ps.setObject(2, xs.get(i), Types.INTEGER);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    assertEquals(EMPS.size(), Sql.count(conn, "SELECT COUNT(*) FROM q_emp"));
    loaded = true;
  }

  private static void generate(Random rnd) {
    for (int id = 1; id <= 8; id++) {
      BigDecimal budget = id == 3 ? null
          : BigDecimal.valueOf(10_000_00L + rnd.nextInt(9_000_000), 2);
      DEPTS.add(new Dept(id, "dept-" + (char) ('a' + id - 1), budget));
    }
    // Employees reference departments 1-6 (7 and 8 stay empty), 9 and 10 (no such
    // department), or none.
    int[] deptChoices = {1, 2, 3, 4, 5, 6, 9, 10};
    for (int id = 1; id <= 240; id++) {
      Integer dept = rnd.nextInt(100) < 8 ? null : deptChoices[rnd.nextInt(deptChoices.length)];
      BigDecimal salary = rnd.nextInt(100) < 10 ? null
          : BigDecimal.valueOf(20_000_00L + 500_00L * rnd.nextInt(200)
              + (rnd.nextBoolean() ? 25 : 0), 2);
      Integer grade = rnd.nextInt(100) < 10 ? null : 1 + rnd.nextInt(5);
      int a = rnd.nextInt(3);
      Boolean active = a == 0 ? null : a == 1;
      EMPS.add(new Emp(id, "name" + (10 + rnd.nextInt(60)), dept, salary, grade, active,
          LocalDate.of(2015, 1, 1).plusDays(rnd.nextInt(3000))));
    }
    for (int i = 0; i < 60; i++) {
      A.add(rnd.nextInt(12) == 0 ? null : rnd.nextInt(10));
    }
    for (int i = 0; i < 50; i++) {
      B.add(rnd.nextInt(12) == 0 ? null : 5 + rnd.nextInt(10));
    }
    A.add(null);
    B.add(null);
  }

    /** Checks a query's rows, in order, against the expected rows. */
  static void check(Connection conn, String sql, List<List<Object>> expected)
      throws SQLException {
    assertEquals(normalize(expected), normalize(query(conn, sql)), sql);
  }

  /** Checks a query's rows against the expected rows as multisets (order ignored). */
  static void checkUnordered(Connection conn, String sql, List<List<Object>> expected)
      throws SQLException {
    List<List<Object>> want = new ArrayList<>(normalize(expected));
    List<List<Object>> got = new ArrayList<>(normalize(query(conn, sql)));
    want.sort(ROWS_NULLS_FIRST);
    got.sort(ROWS_NULLS_FIRST);
    assertEquals(want, got, sql);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> VALUE_NULLS_FIRST =
      Comparator.nullsFirst((x, y) -> ((Comparable) x).compareTo(y));

  static final Comparator<List<Object>> ROWS_NULLS_FIRST = (x, y) -> {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = VALUE_NULLS_FIRST.compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  };

  static <T extends Comparable<? super T>> Comparator<Emp> nullsLast(
      Function<Emp, T> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  static <T extends Comparable<? super T>> Comparator<Emp> nullsFirst(
      Function<Emp, T> key) {
    return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  static Dept dept(Integer id) {
    return id == null ? null : DEPTS.stream().filter(d -> d.id() == id).findFirst().orElse(null);
  }

  static List<List<Object>> rows(Stream<List<Object>> s) {
    return s.collect(Collectors.toList());
  }

  // ---- ORDER BY, LIMIT, OFFSET ----------------------------------------------------------

  /** Departments whose budget exceeds 30000: some have employees, some have none. */
  static final BigDecimal RICH = new BigDecimal("30000");

  static BigDecimal sum(List<BigDecimal> xs) {
    List<BigDecimal> present = xs.stream().filter(Objects::nonNull).toList();
    return present.isEmpty() ? null : present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static <T extends Comparable<? super T>> T min(List<T> xs) {
    return xs.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  static <T extends Comparable<? super T>> T max(List<T> xs) {
    return xs.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
  }
}
