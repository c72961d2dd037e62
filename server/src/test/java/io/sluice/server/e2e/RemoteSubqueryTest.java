package io.sluice.server.e2e;

import static io.sluice.server.e2e.QueryData.A;
import static io.sluice.server.e2e.QueryData.B;
import static io.sluice.server.e2e.QueryData.DEPTS;
import static io.sluice.server.e2e.QueryData.EMPS;
import static io.sluice.server.e2e.QueryData.RICH;
import static io.sluice.server.e2e.QueryData.dept;
import static io.sluice.server.e2e.QueryData.max;
import static io.sluice.server.e2e.QueryData.min;
import static io.sluice.server.e2e.QueryData.rows;
import static io.sluice.server.e2e.QueryData.sum;
import static io.sluice.server.e2e.Sql.and;
import static io.sluice.server.e2e.Sql.or;
import static io.sluice.server.e2e.Sql.row;
import static io.sluice.server.e2e.Sql.update;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.sluice.server.e2e.QueryData.Emp;
import io.sluice.server.e2e.QueryData.Dept;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proves that queries through the remote driver return exactly the right rows:
 * UNION/INTERSECT/EXCEPT with and without ALL, IN/EXISTS/scalar/correlated subqueries,
 * CASE/CAST/COALESCE/NULLIF, and SQL's NULL semantics (three-valued logic, NOT IN over a NULL),
 * over {@link QueryData}; every expected answer is computed in Java from that same data.
 */
class RemoteSubqueryTest extends QueryDataTest {
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

  @Test
  void postgresqlLibraryFunctionsAreFoundWhateverTheCaseOfTheirName() throws SQLException {
    check("SELECT id, left(name, 5), Split_Part(name, 'e', 2), GREATEST(id, 100), md5(name),"
            + " lpad(CAST(id AS VARCHAR(3)), 3, '0'), regexp_replace(name, '[0-9]', '#')"
            + " FROM q_emp WHERE id <= 3 ORDER BY id",
        rows(EMPS.stream().filter(e -> e.id() <= 3).map(e -> row(e.id(),
            e.name().substring(0, Math.min(5, e.name().length())),
            e.name().split("e", -1).length > 1 ? e.name().split("e", -1)[1] : "",
            Math.max(e.id(), 100), md5(e.name()),
            String.format("%03d", e.id()), e.name().replaceFirst("[0-9]", "#")))));
  }

  private static String md5(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("MD5")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : d) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  // ---- NULL semantics -------------------------------------------------------------------

  /** SQL's three-valued NOT and =, with null for UNKNOWN (AND and OR are in {@link Sql}). */
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
