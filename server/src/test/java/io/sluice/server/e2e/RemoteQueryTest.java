package io.sluice.server.e2e;

import static io.sluice.server.e2e.Sql.normalize;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that queries through the remote driver return exactly the right rows: ORDER BY with
 * LIMIT/OFFSET, inner/left/right/full/cross joins, GROUP BY/HAVING, DISTINCT and COUNT(DISTINCT),
 * UNION/INTERSECT/EXCEPT with and without ALL, IN/EXISTS/scalar/correlated subqueries,
 * CASE/CAST/COALESCE/NULLIF, and SQL's NULL semantics (three-valued logic, NOT IN over a
 * NULL). The data is generated from a fixed seed with NULLs, duplicates and dangling keys, and
 * every expected answer is computed in Java from that same data, independently of Sluice.
 */
@ExtendWith(SharedServer.class)
class RemoteQueryTest {
  record Emp(int id, String name, Integer dept, BigDecimal salary, Integer grade,
      Boolean active, LocalDate hired) {}

  record Dept(int id, String title, BigDecimal budget) {}

  private static final List<Dept> DEPTS = new ArrayList<>();
  private static final List<Emp> EMPS = new ArrayList<>();
  /** Multisets with duplicates and NULLs, for the set operations: q_a.x and q_b.x. */
  private static final List<Integer> A = new ArrayList<>();
  private static final List<Integer> B = new ArrayList<>();

  private static Connection conn;

  @BeforeAll
  static void load(Connection connection) throws SQLException {
    generate(new Random(20240229));
    conn = connection;
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

  // ---- helpers ---------------------------------------------------------------------------

  /** Checks a query's rows, in order, against the expected rows. */
  private static void check(String sql, List<List<Object>> expected) throws SQLException {
    assertEquals(normalize(expected), normalize(query(conn, sql)), sql);
  }

  /** Checks a query's rows against the expected rows as multisets (order ignored). */
  private static void checkUnordered(String sql, List<List<Object>> expected)
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

  private static final Comparator<List<Object>> ROWS_NULLS_FIRST = (x, y) -> {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = VALUE_NULLS_FIRST.compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  };

  private static <T extends Comparable<? super T>> Comparator<Emp> nullsLast(
      Function<Emp, T> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  private static <T extends Comparable<? super T>> Comparator<Emp> nullsFirst(
      Function<Emp, T> key) {
    return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  private static Dept dept(Integer id) {
    return id == null ? null : DEPTS.stream().filter(d -> d.id() == id).findFirst().orElse(null);
  }

  private static List<List<Object>> rows(Stream<List<Object>> s) {
    return s.collect(Collectors.toList());
  }

  // ---- ORDER BY, LIMIT, OFFSET ----------------------------------------------------------

  @Test
  void orderByWithLimitAndOffset() throws SQLException {
    Comparator<Emp> bySalaryDesc = Comparator.comparing(Emp::salary,
        Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(Emp::id);
    check("SELECT id, salary FROM q_emp ORDER BY salary DESC NULLS LAST, id LIMIT 15 OFFSET 10",
        rows(EMPS.stream().sorted(bySalaryDesc).skip(10).limit(15)
            .map(e -> row(e.id(), e.salary()))));
    check("SELECT id, dept, name FROM q_emp ORDER BY dept NULLS FIRST, name DESC, id",
        rows(EMPS.stream().sorted(nullsFirst(Emp::dept)
                .thenComparing(Emp::name, Comparator.reverseOrder()).thenComparing(Emp::id))
            .map(e -> row(e.id(), e.dept(), e.name()))));
    check("SELECT id, grade FROM q_emp ORDER BY grade NULLS LAST, hired DESC, id"
            + " OFFSET 200 ROWS",
        rows(EMPS.stream().sorted(nullsLast(Emp::grade)
                .thenComparing(Emp::hired, Comparator.reverseOrder()).thenComparing(Emp::id))
            .skip(200).map(e -> row(e.id(), e.grade()))));
    check("SELECT id FROM q_emp ORDER BY id DESC FETCH FIRST 3 ROWS ONLY",
        List.of(row(240), row(239), row(238)));
    check("SELECT id FROM q_emp ORDER BY id LIMIT 0", List.of());
    check("SELECT id FROM q_emp ORDER BY id LIMIT 5 OFFSET 1000", List.of());
  }

  // ---- joins ----------------------------------------------------------------------------

  @Test
  void innerJoin() throws SQLException {
    check("SELECT e.id, d.title FROM q_emp e JOIN q_dept d ON e.dept = d.id ORDER BY e.id",
        rows(EMPS.stream().filter(e -> dept(e.dept()) != null)
            .map(e -> row(e.id(), dept(e.dept()).title()))));
  }

  @Test
  void leftJoinKeepsUnmatchedLeftRowsWithNulls() throws SQLException {
    check("SELECT e.id, d.title FROM q_emp e LEFT JOIN q_dept d ON e.dept = d.id ORDER BY e.id",
        rows(EMPS.stream().map(e -> row(e.id(),
            dept(e.dept()) == null ? null : dept(e.dept()).title()))));
    // A condition in ON only decides matches: it never removes left rows.
    check("SELECT e.id, d.id FROM q_emp e LEFT JOIN q_dept d"
            + " ON e.dept = d.id AND d.budget > 30000 ORDER BY e.id",
        rows(EMPS.stream().map(e -> {
          Dept d = dept(e.dept());
          boolean match = d != null && d.budget() != null && d.budget().compareTo(RICH) > 0;
          return row(e.id(), match ? d.id() : null);
        })));
  }

  @Test
  void rightJoinKeepsUnmatchedRightRowsWithNulls() throws SQLException {
    List<List<Object>> want = new ArrayList<>();
    for (Dept d : DEPTS) {
      List<Emp> es = EMPS.stream().filter(e -> Objects.equals(e.dept(), d.id())).toList();
      if (es.isEmpty()) {
        want.add(row(d.id(), null));
      }
      for (Emp e : es) {
        want.add(row(d.id(), e.id()));
      }
    }
    checkUnordered("SELECT d.id, e.id FROM q_emp e RIGHT JOIN q_dept d ON e.dept = d.id", want);
    assertTrue(want.contains(row(7, null)), "department 7 has no employees by construction");
  }

  @Test
  void fullJoinKeepsUnmatchedRowsOfBothSides() throws SQLException {
    List<List<Object>> want = new ArrayList<>();
    for (Emp e : EMPS) {
      Dept d = dept(e.dept());
      want.add(row(e.id(), d == null ? null : d.id()));
    }
    for (Dept d : DEPTS) {
      if (EMPS.stream().noneMatch(e -> Objects.equals(e.dept(), d.id()))) {
        want.add(row(null, d.id()));
      }
    }
    checkUnordered("SELECT e.id, d.id FROM q_emp e FULL OUTER JOIN q_dept d ON e.dept = d.id",
        want);
  }

  @Test
  void crossJoin() throws SQLException {
    checkUnordered("SELECT a.id, b.id FROM q_dept a CROSS JOIN q_dept b", deptPairs());
  }

  @Test
  void joinOnANonEqualityCondition() throws SQLException {
    check("SELECT a.id, b.id FROM q_dept a JOIN q_dept b ON a.id < b.id ORDER BY a.id, b.id",
        rows(deptPairs().stream().filter(r -> (int) r.get(0) < (int) r.get(1))));
    check("SELECT a.id, b.id FROM q_dept a, q_dept b WHERE a.id < b.id ORDER BY a.id, b.id",
        rows(deptPairs().stream().filter(r -> (int) r.get(0) < (int) r.get(1))));
  }

  private static List<List<Object>> deptPairs() {
    List<List<Object>> cross = new ArrayList<>();
    for (Dept a : DEPTS) {
      for (Dept b : DEPTS) {
        cross.add(row(a.id(), b.id()));
      }
    }
    return cross;
  }

  // ---- grouping -------------------------------------------------------------------------

  private static BigDecimal sum(List<BigDecimal> xs) {
    List<BigDecimal> present = xs.stream().filter(Objects::nonNull).toList();
    return present.isEmpty() ? null : present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static <T extends Comparable<? super T>> T min(List<T> xs) {
    return xs.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  private static <T extends Comparable<? super T>> T max(List<T> xs) {
    return xs.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
  }

  /** Employees grouped by a key, groups in key order with the NULL group first. */
  private static <K extends Comparable<? super K>> Map<K, List<Emp>> groupBy(
      Function<Emp, K> key) {
    Map<K, List<Emp>> groups = new java.util.TreeMap<>(
        Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Emp e : EMPS) {
      groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
    }
    return groups;
  }

  @Test
  void groupByWithAggregatesAndANullGroup() throws SQLException {
    List<List<Object>> want = new ArrayList<>();
    groupBy(Emp::dept).forEach((dept, es) -> {
      List<BigDecimal> sal = es.stream().map(Emp::salary).toList();
      want.add(row(dept, (long) es.size(), sal.stream().filter(Objects::nonNull).count(),
          sum(sal), min(sal), max(sal), min(es.stream().map(Emp::name).toList()),
          max(es.stream().map(Emp::hired).toList())));
    });
    check("SELECT dept, COUNT(*), COUNT(salary), SUM(salary), MIN(salary), MAX(salary),"
        + " MIN(name), MAX(hired) FROM q_emp GROUP BY dept ORDER BY dept NULLS FIRST", want);
  }

  @Test
  void groupByTwoColumnsWithHaving() throws SQLException {
    Map<List<Integer>, Long> counts = new HashMap<>();
    for (Emp e : EMPS) {
      counts.merge(Arrays.asList(e.dept(), e.grade()), 1L, Long::sum);
    }
    List<List<Object>> want = new ArrayList<>();
    counts.forEach((k, n) -> {
      if (n >= 3) {
        want.add(row(k.get(0), k.get(1), n));
      }
    });
    checkUnordered("SELECT dept, grade, COUNT(*) FROM q_emp GROUP BY dept, grade"
        + " HAVING COUNT(*) >= 3", want);
  }

  @Test
  void groupByOverAJoinWithHavingOnASum() throws SQLException {
    Map<String, List<BigDecimal>> byTitle = new java.util.TreeMap<>();
    for (Emp e : EMPS) {
      Dept d = dept(e.dept());
      if (d != null) {
        byTitle.computeIfAbsent(d.title(), t -> new ArrayList<>()).add(e.salary());
      }
    }
    BigDecimal threshold = new BigDecimal("1500000");
    List<List<Object>> want = new ArrayList<>();
    byTitle.forEach((title, sal) -> {
      BigDecimal s = sum(sal);
      if (s != null && s.compareTo(threshold) > 0) {
        want.add(row(title, s, (long) sal.size()));
      }
    });
    assertTrue(!want.isEmpty() && want.size() < byTitle.size(), "HAVING should filter some");
    check("SELECT d.title, SUM(e.salary), COUNT(*) FROM q_emp e JOIN q_dept d ON e.dept = d.id"
        + " GROUP BY d.title HAVING SUM(e.salary) > 1500000 ORDER BY d.title", want);
  }

  @Test
  void averageOfEachGroup() throws SQLException {
    Map<Integer, List<Emp>> groups = groupBy(Emp::grade);
    List<List<Object>> got = query(conn, "SELECT grade, AVG(CAST(salary AS DOUBLE)), COUNT(*)"
        + " FROM q_emp GROUP BY grade ORDER BY grade NULLS FIRST");
    assertEquals(groups.size(), got.size());
    int i = 0;
    for (Map.Entry<Integer, List<Emp>> g : groups.entrySet()) {
      List<Object> r = got.get(i++);
      assertEquals(normalize(g.getKey()), normalize(r.get(0)));
      double avg = g.getValue().stream().filter(e -> e.salary() != null)
          .mapToDouble(e -> e.salary().doubleValue()).average().orElseThrow();
      assertEquals(avg, ((Number) r.get(1)).doubleValue(), Math.abs(avg) * 1e-12,
          "average salary of grade " + g.getKey());
      assertEquals((long) g.getValue().size(), ((Number) r.get(2)).longValue());
    }
  }

  @Test
  void aggregatesOverNoRows() throws SQLException {
    check("SELECT COUNT(*), COUNT(salary), SUM(salary), MAX(salary), MIN(name)"
        + " FROM q_emp WHERE id < 0", List.of(row(0L, 0L, null, null, null)));
    check("SELECT dept, COUNT(*) FROM q_emp WHERE id < 0 GROUP BY dept", List.of());
  }

  // ---- DISTINCT -------------------------------------------------------------------------

  @Test
  void distinctAndCountDistinct() throws SQLException {
    TreeSet<Integer> depts = new TreeSet<>(Comparator.nullsLast(Comparator.naturalOrder()));
    EMPS.forEach(e -> depts.add(e.dept()));
    check("SELECT DISTINCT dept FROM q_emp ORDER BY dept NULLS LAST",
        rows(depts.stream().map(d -> row(d))));
    Set<List<Integer>> pairs = new java.util.HashSet<>();
    EMPS.forEach(e -> pairs.add(Arrays.asList(e.dept(), e.grade())));
    checkUnordered("SELECT DISTINCT dept, grade FROM q_emp",
        rows(pairs.stream().map(p -> row(p.get(0), p.get(1)))));
    long nonNullDepts = depts.stream().filter(Objects::nonNull).count();
    long nonNullGrades = EMPS.stream().map(Emp::grade).filter(Objects::nonNull).distinct().count();
    check("SELECT COUNT(DISTINCT dept), COUNT(DISTINCT grade), COUNT(*) FROM q_emp",
        List.of(row(nonNullDepts, nonNullGrades, (long) EMPS.size())));
    List<List<Object>> perDept = new ArrayList<>();
    groupBy(Emp::dept).forEach((d, es) -> perDept.add(row(d,
        es.stream().map(Emp::grade).filter(Objects::nonNull).distinct().count())));
    check("SELECT dept, COUNT(DISTINCT grade) FROM q_emp GROUP BY dept ORDER BY dept NULLS FIRST",
        perDept);
  }

  // ---- set operations -------------------------------------------------------------------

  /** Occurrences of each value (NULL included: set operations treat NULLs as equal). */
  private static Map<Integer, Long> counts(List<Integer> xs) {
    Map<Integer, Long> m = new LinkedHashMap<>();
    xs.forEach(x -> m.merge(x, 1L, Long::sum));
    return m;
  }

  private static List<List<Object>> multiset(Map<Integer, Long> counts) {
    List<List<Object>> out = new ArrayList<>();
    counts.forEach((x, n) -> {
      for (long i = 0; i < n; i++) {
        out.add(row(x));
      }
    });
    return out;
  }

  private static Map<Integer, Long> combine(java.util.function.BinaryOperator<Long> op) {
    Map<Integer, Long> a = counts(A);
    Map<Integer, Long> b = counts(B);
    Map<Integer, Long> out = new LinkedHashMap<>();
    Set<Integer> keys = new java.util.HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (Integer k : keys) {
      long n = op.apply(a.getOrDefault(k, 0L), b.getOrDefault(k, 0L));
      if (n > 0) {
        out.put(k, n);
      }
    }
    return out;
  }

  private static Map<Integer, Long> distinct(Map<Integer, Long> m) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    m.keySet().forEach(k -> out.put(k, 1L));
    return out;
  }

  @Test
  void unionAndUnionAll() throws SQLException {
    checkUnordered("SELECT x FROM q_a UNION SELECT x FROM q_b",
        multiset(distinct(combine(Long::sum))));
    checkUnordered("SELECT x FROM q_a UNION ALL SELECT x FROM q_b",
        multiset(combine(Long::sum)));
  }

  @Test
  void intersectAndIntersectAll() throws SQLException {
    checkUnordered("SELECT x FROM q_a INTERSECT SELECT x FROM q_b",
        multiset(distinct(combine(Math::min))));
    checkUnordered("SELECT x FROM q_a INTERSECT ALL SELECT x FROM q_b",
        multiset(combine(Math::min)));
  }

  @Test
  void exceptAndExceptAll() throws SQLException {
    checkUnordered("SELECT x FROM q_a EXCEPT SELECT x FROM q_b",
        multiset(distinct(combine((a, b) -> b == 0 ? a : 0L))));
    checkUnordered("SELECT x FROM q_a EXCEPT ALL SELECT x FROM q_b",
        multiset(combine((a, b) -> Math.max(0L, a - b))));
  }

  // ---- subqueries -----------------------------------------------------------------------

  /** Departments whose budget exceeds 30000: some have employees, some have none. */
  private static final BigDecimal RICH = new BigDecimal("30000");

  private static Set<Integer> richDepts() {
    return DEPTS.stream().filter(d -> d.budget() != null && d.budget().compareTo(RICH) > 0)
        .map(Dept::id).collect(Collectors.toSet());
  }

  private static List<List<Object>> empIds(Predicate<Emp> p) {
    return rows(EMPS.stream().filter(p).map(e -> row(e.id())));
  }

  /** {@code x IN (set)} in SQL's three-valued logic, null for UNKNOWN. */
  private static Boolean in(Integer x, Set<Integer> set) {
    if (set.isEmpty()) {
      return false;
    }
    if (x == null) {
      return null;
    }
    if (set.contains(x)) {
      return true;
    }
    return set.contains(null) ? null : false;
  }

  @Test
  void inAndNotInSubqueries() throws SQLException {
    Set<Integer> rich = richDepts();
    assertTrue(EMPS.stream().anyMatch(e -> rich.contains(e.dept()))
        && EMPS.stream().anyMatch(e -> e.dept() != null && !rich.contains(e.dept())),
        "the data should make both IN and NOT IN select some rows");
    check("SELECT id FROM q_emp WHERE dept IN (SELECT id FROM q_dept WHERE budget > 30000)"
        + " ORDER BY id", empIds(e -> Boolean.TRUE.equals(in(e.dept(), rich))));
    // A NULL dept is neither IN nor NOT IN the (NULL-free) list: both are unknown.
    check("SELECT id FROM q_emp WHERE dept NOT IN (SELECT id FROM q_dept WHERE budget > 30000)"
        + " ORDER BY id", empIds(e -> Boolean.FALSE.equals(in(e.dept(), rich))));
    // Over an empty list NOT IN is true, even for NULL.
    check("SELECT id FROM q_emp WHERE dept NOT IN (SELECT id FROM q_dept WHERE id < 0)"
        + " ORDER BY id", empIds(e -> true));
  }

  @Test
  void notInOverAListHoldingNullIsNeverTrue() throws SQLException {
    assertTrue(B.contains(null));
    check("SELECT id FROM q_emp WHERE grade NOT IN (SELECT x FROM q_b) ORDER BY id", List.of());
    check("SELECT id FROM q_emp WHERE grade NOT IN (1, 2, NULL) ORDER BY id", List.of());
    check("SELECT id FROM q_emp WHERE grade IN (1, NULL) ORDER BY id",
        empIds(e -> Objects.equals(e.grade(), 1)));
    Set<Integer> bWithoutNull = B.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    check("SELECT id FROM q_emp WHERE grade NOT IN (SELECT x FROM q_b WHERE x IS NOT NULL)"
        + " ORDER BY id", empIds(e -> Boolean.FALSE.equals(in(e.grade(), bWithoutNull))));
  }

  @Test
  void existsAndNotExistsCorrelated() throws SQLException {
    BigDecimal high = new BigDecimal("90000");
    check("SELECT d.id FROM q_dept d WHERE EXISTS (SELECT 1 FROM q_emp e"
            + " WHERE e.dept = d.id AND e.salary > 90000) ORDER BY d.id",
        rows(DEPTS.stream().filter(d -> EMPS.stream().anyMatch(e -> Objects.equals(e.dept(),
            d.id()) && e.salary() != null && e.salary().compareTo(high) > 0))
            .map(d -> row(d.id()))));
    check("SELECT d.id FROM q_dept d WHERE NOT EXISTS (SELECT 1 FROM q_emp e"
            + " WHERE e.dept = d.id) ORDER BY d.id",
        rows(DEPTS.stream().filter(d -> EMPS.stream().noneMatch(e -> Objects.equals(e.dept(),
            d.id()))).map(d -> row(d.id()))));
  }

  @Test
  void scalarSubqueryInTheSelectList() throws SQLException {
    check("SELECT e.id, (SELECT d.title FROM q_dept d WHERE d.id = e.dept) FROM q_emp e"
            + " ORDER BY e.id",
        rows(EMPS.stream().map(e -> row(e.id(),
            dept(e.dept()) == null ? null : dept(e.dept()).title()))));
    check("SELECT id, (SELECT MAX(id) FROM q_dept) FROM q_emp ORDER BY id",
        rows(EMPS.stream().map(e -> row(e.id(), DEPTS.size()))));
  }

  @Test
  void scalarSubqueryInAComparison() throws SQLException {
    BigDecimal maxOfDept1 = max(EMPS.stream().filter(e -> Objects.equals(e.dept(), 1))
        .map(Emp::salary).toList());
    check("SELECT id FROM q_emp WHERE salary >= (SELECT MAX(salary) FROM q_emp WHERE dept = 1)"
            + " ORDER BY id",
        empIds(e -> e.salary() != null && e.salary().compareTo(maxOfDept1) >= 0));
  }

  @Test
  void correlatedSubqueries() throws SQLException {
    // Top earners of each department, ties included; a NULL department matches no group.
    check("SELECT e.id FROM q_emp e WHERE e.salary = (SELECT MAX(e2.salary) FROM q_emp e2"
            + " WHERE e2.dept = e.dept) ORDER BY e.id",
        empIds(e -> e.dept() != null && e.salary() != null && e.salary().equals(
            max(EMPS.stream().filter(x -> e.dept().equals(x.dept())).map(Emp::salary)
                .toList()))));
    // COUNT over no rows is 0, not NULL, also when correlated.
    check("SELECT d.id, (SELECT COUNT(*) FROM q_emp e WHERE e.dept = d.id) FROM q_dept d"
            + " ORDER BY d.id",
        rows(DEPTS.stream().map(d -> row(d.id(),
            EMPS.stream().filter(e -> Objects.equals(e.dept(), d.id())).count()))));
  }

  @Test
  void correlatedSubqueriesWithANonEqualityCondition() throws SQLException {
    // Nobody earns more: the top earners, and everyone whose salary is NULL (the comparison
    // is never true for them, so the subquery is empty).
    check("SELECT e.id FROM q_emp e WHERE NOT EXISTS (SELECT 1 FROM q_emp f"
            + " WHERE f.salary > e.salary) ORDER BY e.id",
        empIds(e -> e.salary() == null || EMPS.stream().noneMatch(f -> f.salary() != null
            && f.salary().compareTo(e.salary()) > 0)));
    check("SELECT e.id FROM q_emp e WHERE EXISTS (SELECT 1 FROM q_emp f"
            + " WHERE f.dept = e.dept AND f.id <> e.id) ORDER BY e.id",
        empIds(e -> e.dept() != null && EMPS.stream().anyMatch(f -> e.dept().equals(f.dept())
            && f.id() != e.id())));
  }

  // ---- expressions ----------------------------------------------------------------------

  @Test
  void caseCastCoalesceNullif() throws SQLException {
    BigDecimal high = new BigDecimal("80000");
    BigDecimal mid = new BigDecimal("40000");
    check("SELECT id,"
            + " CASE WHEN salary IS NULL THEN 'none' WHEN salary >= 80000 THEN 'high'"
            + "      WHEN salary >= 40000 THEN 'mid' ELSE 'low' END,"
            + " CASE grade WHEN 1 THEN 'one' WHEN 2 THEN 'two' END,"
            + " COALESCE(dept, grade, -1),"
            + " NULLIF(grade, 3),"
            + " CAST(salary * 100 AS BIGINT),"
            + " CAST(id AS VARCHAR(10)) || '-' || name,"
            + " CAST(hired AS VARCHAR(10)),"
            + " CAST('42' AS INTEGER) + id"
            + " FROM q_emp ORDER BY id",
        rows(EMPS.stream().map(e -> row(e.id(),
            e.salary() == null ? "none" : e.salary().compareTo(high) >= 0 ? "high"
                : e.salary().compareTo(mid) >= 0 ? "mid" : "low",
            Objects.equals(e.grade(), 1) ? "one" : Objects.equals(e.grade(), 2) ? "two" : null,
            e.dept() != null ? e.dept() : e.grade() != null ? e.grade() : -1,
            Objects.equals(e.grade(), 3) ? null : e.grade(),
            e.salary() == null ? null : e.salary().movePointRight(2).longValueExact(),
            e.id() + "-" + e.name(),
            e.hired().toString(),
            42 + e.id()))));
  }

  // ---- NULL semantics -------------------------------------------------------------------

  /** SQL's three-valued AND, OR and NOT, with null for UNKNOWN. */
  private static Boolean and(Boolean p, Boolean q) {
    if (Boolean.FALSE.equals(p) || Boolean.FALSE.equals(q)) {
      return false;
    }
    return p == null || q == null ? null : true;
  }

  private static Boolean or(Boolean p, Boolean q) {
    if (Boolean.TRUE.equals(p) || Boolean.TRUE.equals(q)) {
      return true;
    }
    return p == null || q == null ? null : false;
  }

  private static Boolean not(Boolean p) {
    return p == null ? null : !p;
  }

  private static Boolean eq(Boolean p, Boolean q) {
    return p == null || q == null ? null : p.equals(q);
  }

  @Test
  void threeValuedLogic() throws SQLException {
    update(conn, "CREATE TABLE q_tv (id INTEGER PRIMARY KEY, p BOOLEAN, q BOOLEAN)");
    Boolean[] values = {true, false, null};
    List<Boolean[]> combos = new ArrayList<>();
    StringBuilder sql = new StringBuilder("INSERT INTO q_tv VALUES ");
    for (Boolean p : values) {
      for (Boolean q : values) {
        sql.append(combos.isEmpty() ? "" : ", ").append("(").append(combos.size()).append(", ")
            .append(p == null ? "NULL" : p).append(", ").append(q == null ? "NULL" : q)
            .append(")");
        combos.add(new Boolean[] {p, q});
      }
    }
    update(conn, sql.toString());
    List<List<Object>> want = new ArrayList<>();
    for (int i = 0; i < combos.size(); i++) {
      Boolean p = combos.get(i)[0];
      Boolean q = combos.get(i)[1];
      want.add(row(i, and(p, q), or(p, q), not(p), eq(p, q), not(eq(p, q)), p == null,
          Boolean.TRUE.equals(p), !Boolean.FALSE.equals(p), !Objects.equals(p, q),
          Boolean.TRUE.equals(and(p, q)) ? 1 : 0));
    }
    check("SELECT id, p AND q, p OR q, NOT p, p = q, p <> q, p IS NULL, p IS TRUE,"
        + " p IS NOT FALSE, p IS DISTINCT FROM q, CASE WHEN p AND q THEN 1 ELSE 0 END"
        + " FROM q_tv ORDER BY id", want);
    // WHERE keeps only rows whose condition is TRUE, not UNKNOWN.
    List<List<Object>> orTrue = new ArrayList<>();
    List<List<Object>> notAndTrue = new ArrayList<>();
    for (int i = 0; i < combos.size(); i++) {
      Boolean p = combos.get(i)[0];
      Boolean q = combos.get(i)[1];
      if (Boolean.TRUE.equals(or(p, q))) {
        orTrue.add(row(i));
      }
      if (Boolean.TRUE.equals(not(and(p, q)))) {
        notAndTrue.add(row(i));
      }
    }
    check("SELECT id FROM q_tv WHERE p OR q ORDER BY id", orTrue);
    check("SELECT id FROM q_tv WHERE NOT (p AND q) ORDER BY id", notAndTrue);
  }

  @Test
  void comparisonsWithNullAreUnknown() throws SQLException {
    check("SELECT COUNT(*) FROM q_emp WHERE dept = NULL", List.of(row(0L)));
    check("SELECT COUNT(*) FROM q_emp WHERE NOT (dept = NULL)", List.of(row(0L)));
    check("SELECT COUNT(*) FROM q_emp WHERE dept <> 1",
        List.of(row(EMPS.stream().filter(e -> e.dept() != null && e.dept() != 1).count())));
    check("SELECT COUNT(*) FROM q_emp WHERE dept IS NULL",
        List.of(row(EMPS.stream().filter(e -> e.dept() == null).count())));
    check("SELECT COUNT(*) FROM q_emp WHERE active IS NOT TRUE",
        List.of(row(EMPS.stream().filter(e -> !Boolean.TRUE.equals(e.active())).count())));
    check("SELECT COUNT(*) FROM q_emp e JOIN q_emp f ON e.grade = f.grade",
        List.of(row(EMPS.stream().filter(e -> e.grade() != null).mapToLong(e ->
            EMPS.stream().filter(f -> e.grade().equals(f.grade())).count()).sum())));
  }
}
