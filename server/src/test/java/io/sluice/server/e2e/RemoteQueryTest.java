package io.sluice.server.e2e;

import static io.sluice.server.e2e.QueryData.A;
import static io.sluice.server.e2e.QueryData.DEPTS;
import static io.sluice.server.e2e.QueryData.EMPS;
import static io.sluice.server.e2e.QueryData.RICH;
import static io.sluice.server.e2e.QueryData.dept;
import static io.sluice.server.e2e.QueryData.max;
import static io.sluice.server.e2e.QueryData.min;
import static io.sluice.server.e2e.QueryData.nullsFirst;
import static io.sluice.server.e2e.QueryData.nullsLast;
import static io.sluice.server.e2e.QueryData.rows;
import static io.sluice.server.e2e.QueryData.sum;
import static io.sluice.server.e2e.Sql.normalize;
import static io.sluice.server.e2e.Sql.query;
import static io.sluice.server.e2e.Sql.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.sluice.server.e2e.QueryData.Emp;
import io.sluice.server.e2e.QueryData.Dept;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proves that queries through the remote driver return exactly the right rows: ORDER BY with
 * LIMIT/OFFSET, inner/left/right/full/cross joins, GROUP BY/HAVING, DISTINCT and COUNT(DISTINCT),
 * over {@link QueryData}; every expected answer is computed in Java from that same data,
 * independently of Sluice. Set operations, subqueries, expressions and NULL semantics are in
 * {@link RemoteSubqueryTest}.
 */
class RemoteQueryTest extends QueryDataTest {
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

  @Test
  void rollupCubeAndGroupingSetsAreOneGroupByPerSet() throws SQLException {
    // Each grouping set as the keys it keeps: 1 = dept, 2 = grade.
    Map<String, List<Integer>> queries = Map.of(
        "ROLLUP(dept, grade)", List.of(3, 1, 0),
        "CUBE(dept, grade)", List.of(3, 1, 2, 0),
        "GROUPING SETS ((dept), (grade), (dept, grade))", List.of(1, 2, 3));
    for (Map.Entry<String, List<Integer>> q : queries.entrySet()) {
      List<List<Object>> want = new ArrayList<>();
      for (int set : q.getValue()) {
        Map<List<Object>, List<Emp>> groups = new HashMap<>();
        for (Emp e : EMPS) {
          groups.computeIfAbsent(Arrays.asList((set & 1) != 0 ? e.dept() : null,
              (set & 2) != 0 ? e.grade() : null), k -> new ArrayList<>()).add(e);
        }
        // GROUPING(dept, grade): a bit for each key the set leaves out, dept the high one.
        long grouping = ((set & 1) == 0 ? 2 : 0) + ((set & 2) == 0 ? 1 : 0);
        groups.forEach((key, emps) -> want.add(row(key.get(0), key.get(1), (long) emps.size(),
            sum(emps.stream().map(Emp::salary).toList()), grouping)));
      }
      checkUnordered("SELECT dept, grade, COUNT(*), SUM(salary), GROUPING(dept, grade)"
          + " FROM q_emp GROUP BY " + q.getKey(), want);
    }
  }

  @Test
  void decimalsReadAsTextWithEveryDigitAndALeadingZero() throws SQLException {
    check("SELECT id, CAST(salary AS VARCHAR(20)), 's=' || salary FROM q_emp ORDER BY id",
        rows(EMPS.stream().map(e -> {
          String text = e.salary() == null ? null : e.salary().setScale(2).toPlainString();
          return row(e.id(), text, text == null ? null : "s=" + text);
        })));
    // Folded while planning, by the same rule: Calcite would write .10, -.5 and 1E-8.
    check("SELECT CAST(0.10 AS VARCHAR(10)), 'x' || CAST(-0.5 AS DECIMAL(3, 1)),"
            + " CAST(CAST(0.00000001 AS DECIMAL(10, 8)) AS VARCHAR(20))",
        List.of(row("0.10", "x-0.5", "0.00000001")));
  }

  @Test
  void limitAndOffsetMayBeParametersOfAPreparedStatement() throws SQLException {
    List<Integer> ids = EMPS.stream().map(Emp::id).sorted().toList();
    try (var ps = conn.prepareStatement("SELECT id FROM q_emp ORDER BY id LIMIT ? OFFSET ?")) {
      for (int[] page : new int[][] {{5, 0}, {5, 5}, {7, 236}, {0, 3}}) {
        ps.setInt(1, page[0]);
        ps.setInt(2, page[1]);
        List<List<Object>> got = new ArrayList<>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            got.add(row((long) rs.getInt(1)));
          }
        }
        assertEquals(ids.stream().skip(page[1]).limit(page[0]).map(i -> row((long) i)).toList(),
            got, "LIMIT " + page[0] + " OFFSET " + page[1]);
      }
      // NULL means no limit, as in PostgreSQL; a negative one is refused.
      ps.setNull(1, Types.INTEGER);
      ps.setInt(2, 238);
      assertEquals(List.of(row(239L), row(240L)), normalize(Sql.rows(ps.executeQuery())));
      ps.setInt(1, -1);
      SQLException e = assertThrows(SQLException.class, ps::executeQuery);
      assertEquals("22023", e.getSQLState(), e.getMessage());
    }
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
  void havingMeansTheTablesColumnEvenWhenOutputColumnsHaveItsName() throws SQLException {
    // As in PostgreSQL: HAVING sees the FROM clause, not the select list's aliases, so "grade"
    // there is q_emp.grade although both output columns are called grade.
    Map<Integer, Long> sums = new HashMap<>();
    Map<Integer, Long> counts = new HashMap<>();
    for (Emp e : EMPS) {
      counts.merge(e.dept(), 1L, Long::sum);
      if (e.grade() != null) {
        sums.merge(e.dept(), (long) e.grade(), Long::sum);
      }
    }
    long threshold = sums.values().stream().sorted().toList().get(sums.size() / 2);
    List<List<Object>> want = new ArrayList<>();
    sums.forEach((dept, sum) -> {
      if (sum > threshold) {
        want.add(row(dept, counts.get(dept)));
      }
    });
    assertTrue(!want.isEmpty() && want.size() < counts.size(), "HAVING should filter some");
    checkUnordered("SELECT dept AS grade, COUNT(*) AS grade FROM q_emp GROUP BY dept"
        + " HAVING SUM(grade) > " + threshold, want);
    checkUnordered("SELECT dept AS grade, COUNT(*) AS grade FROM q_emp GROUP BY dept, grade"
        + " HAVING grade > 2", rowsWithGradeAbove(2));
  }

  private static List<List<Object>> rowsWithGradeAbove(int grade) {
    Map<List<Integer>, Long> counts = new HashMap<>();
    for (Emp e : EMPS) {
      if (e.grade() != null && e.grade() > grade) {
        counts.merge(Arrays.asList(e.dept(), e.grade()), 1L, Long::sum);
      }
    }
    List<List<Object>> want = new ArrayList<>();
    counts.forEach((k, n) -> want.add(row(k.get(0), n)));
    return want;
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
}
