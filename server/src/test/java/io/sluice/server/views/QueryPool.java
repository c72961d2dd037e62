package io.sluice.server.views;

import static io.sluice.server.views.ViewQuery.both;
import static io.sluice.server.views.ViewQuery.rewritten;
import static io.sluice.server.views.ViewQuery.sluiceOnly;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The queries the differential test keeps as materialized views, written against the tables of
 * {@link DiffSchema}:
 *
 * <pre>
 * t1 (id INTEGER PRIMARY KEY, a INTEGER, b BIGINT, s VARCHAR, d DECIMAL, x DOUBLE,
 *     f BOOLEAN, dt DATE)
 * t2 (k INTEGER|BIGINT, a INTEGER, s VARCHAR, d DECIMAL, f BOOLEAN, dt DATE)  -- no key
 * t3 (p INTEGER, q VARCHAR, k SMALLINT|INTEGER|BIGINT, b BIGINT, x DOUBLE,
 *     PRIMARY KEY (p, q))
 * </pre>
 *
 * <p>Every column but the keys holds NULLs, and values come from small domains, so groups,
 * join matches and NULL semantics all happen. Rules the queries keep so that both engines must
 * give the same rows: every ORDER BY names NULLS FIRST or LAST for nullable keys (the engines'
 * defaults differ) and every top-N either orders by something unique or projects only its sort
 * keys (ties then cannot change the answer); no division by a column (no division by zero);
 * every output column has a distinct name (view columns must). Queries that read {@code
 * mv_<name>} read the view of another pool query, which comes earlier in the list.
 */
final class QueryPool {
  private QueryPool() {}

  /** H2 has no FULL JOIN: a left join plus the right rows that matched nothing. */
  private static String fullJoin(String select, String left, String right, String on,
      String leftNeverNullWhenMatched) {
    return select + " FROM " + left + " LEFT JOIN " + right + " ON " + on + " UNION ALL "
        + select + " FROM " + left + " RIGHT JOIN " + right + " ON " + on + " WHERE "
        + leftNeverNullWhenMatched + " IS NULL";
  }

  /**
   * H2 has no INTERSECT ALL or EXCEPT ALL: numbering the copies of each row turns them into
   * the set operation on (row, copy number).
   */
  private static String allSetOp(String op, String col1, String col2, String left,
      String right1, String right2, String right) {
    return "SELECT v, s FROM (SELECT " + col1 + " AS v, " + col2 + " AS s, ROW_NUMBER() OVER "
        + "(PARTITION BY " + col1 + ", " + col2 + " ORDER BY " + col1 + ") AS rn FROM " + left
        + " " + op + " SELECT " + right1 + ", " + right2 + ", ROW_NUMBER() OVER (PARTITION BY "
        + right1 + ", " + right2 + " ORDER BY " + right1 + ") FROM " + right + ") z";
  }

  static final List<ViewQuery> ALL = List.of(
      // ---- filter and project: CASE, CAST, COALESCE, arithmetic, string and date functions
      both("filter", "SELECT id, a, s FROM t1 WHERE a > 0 AND s <> 'b'"),
      both("filter_nulls", "SELECT id, b, d FROM t1 WHERE a IS NULL OR d < 1 OR NOT f"),
      both("case_coalesce", "SELECT id, CASE WHEN a IS NULL THEN 'none' WHEN a < 2 THEN 'low'"
          + " ELSE 'high' END AS bucket, COALESCE(s, 'none') AS s2, COALESCE(a, b, -1) AS ab"
          + " FROM t1"),
      both("case_simple", "SELECT k, CASE s WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END AS code,"
          + " CASE WHEN f THEN d ELSE -d END AS sd FROM t2"),
      both("arith", "SELECT id, a + b AS ab, a * 3 - 1 AS a3, a / 2 AS half, MOD(a, 3) AS m,"
          + " d * 2 AS d2, d + 1.5 AS d3, -a AS na FROM t1"),
      both("arith_double", "SELECT id, x * 2 AS x2, x + a AS xa, x / 4 AS x4 FROM t1"
          + " WHERE x IS NOT NULL"),
      both("cast", "SELECT id, CAST(a AS VARCHAR(12)) AS sa, CAST(d AS DOUBLE) AS dd,"
          + " CAST(b AS DECIMAL(20, 2)) AS bd, CAST(a AS BIGINT) * 1000000000 AS big,"
          + " CAST(dt AS VARCHAR(10)) AS sdt FROM t1"),
      both("string_fn", "SELECT id, UPPER(s) AS u, LOWER(s) AS l, CHAR_LENGTH(s) AS n,"
          + " s || '-' || CAST(a AS VARCHAR(12)) AS c, SUBSTRING(s FROM 2 FOR 2) AS sub,"
          + " TRIM(s) AS tr, POSITION('b' IN s) AS pos, REPLACE(s, 'a', 'xy') AS rep FROM t1"),
      both("string_filter", "SELECT k, s FROM t2 WHERE s LIKE 'a%' OR UPPER(s) = 'B'"
          + " OR CHAR_LENGTH(s) = 0"),
      both("bool_logic", "SELECT id, f, NOT f AS nf, (f AND a > 0) AS fa, (f OR a IS NULL) AS fo,"
          + " (f IS NOT TRUE) AS fnt FROM t1"),
      both("date_fn", "SELECT id, dt, dt + INTERVAL '1' DAY AS next_day,"
          + " EXTRACT(YEAR FROM dt) AS y, EXTRACT(MONTH FROM dt) AS m FROM t1"
          + " WHERE dt >= DATE '2000-01-01'"),
      both("nullif", "SELECT id, NULLIF(a, 0) AS na, NULLIF(s, '') AS ns FROM t1"),
      both("cast_decimal_to_int", "SELECT id, CAST(d AS INTEGER) AS di,"
          + " CAST(x AS DECIMAL(10, 1)) AS xd FROM t1"),
      both("in_list_with_null", "SELECT id, a FROM t1 WHERE a IN (1, NULL) OR b NOT IN (0, NULL)"),
      sluiceOnly("decimal_division", "SELECT k, d / 3 AS third FROM t2",
          "the scale of a DECIMAL quotient differs (H2 keeps more digits)"),

      // ---- equi-joins: inner, left, right, full
      both("join_inner", "SELECT t1.id, t2.k, t1.s AS s1, t2.s AS s2, t2.d FROM t1"
          + " JOIN t2 ON t1.a = t2.k"),
      both("join_inner_two_keys", "SELECT t1.id, t2.a AS a2, t2.d FROM t1"
          + " JOIN t2 ON t1.a = t2.k AND t1.s = t2.s"),
      both("join_inner_filter", "SELECT t1.id, t3.p, t3.q FROM t1 JOIN t3 ON t1.a = t3.k"
          + " WHERE t3.b > 0 AND t1.f"),
      both("join_left", "SELECT t1.id, t1.a, t2.s AS s2, t2.d FROM t1 LEFT JOIN t2"
          + " ON t1.a = t2.k"),
      both("join_left_residual", "SELECT t1.id, t2.a AS a2, t2.f FROM t1 LEFT JOIN t2"
          + " ON t1.a = t2.k AND t2.f AND t2.d > t1.d"),
      both("join_right", "SELECT t1.id, t3.p, t3.q, t3.k FROM t1 RIGHT JOIN t3 ON t1.a = t3.k"),
      both("join_right_nokey", "SELECT t2.k, t2.s, t3.p, t3.x FROM t2 RIGHT OUTER JOIN t3"
          + " ON t2.k = t3.k AND t2.s = t3.q"),
      rewritten("join_full", "SELECT t1.id, t1.a, t3.p, t3.q FROM t1 FULL OUTER JOIN t3"
          + " ON t1.a = t3.k",
          fullJoin("SELECT t1.id, t1.a, t3.p, t3.q", "t1", "t3", "t1.a = t3.k", "t1.id")),
      rewritten("join_full_nokey", "SELECT t2.k AS k2, t2.s, t3.k AS k3, t3.q FROM t2"
          + " FULL JOIN t3 ON t2.k = t3.k AND t2.s = t3.q",
          fullJoin("SELECT t2.k AS k2, t2.s, t3.k AS k3, t3.q", "t2", "t3",
              "t2.k = t3.k AND t2.s = t3.q", "t2.k")),
      rewritten("join_full_agg", "SELECT COALESCE(t1.a, t2.k) AS jk, COUNT(*) AS c FROM t1"
          + " FULL JOIN t2 ON t1.a = t2.k GROUP BY COALESCE(t1.a, t2.k)",
          "SELECT COALESCE(a, k) AS jk, COUNT(*) AS c FROM ("
              + fullJoin("SELECT t1.a, t2.k", "t1", "t2", "t1.a = t2.k", "t1.id")
              + ") u GROUP BY COALESCE(a, k)"),

      // ---- theta joins (no equality to hash on) and cross joins
      both("join_theta", "SELECT t1.id, t3.p, t3.q FROM t1 JOIN t3 ON t1.a < t3.k"),
      both("join_theta_or", "SELECT t1.id, t2.k, t2.s FROM t1 JOIN t2"
          + " ON t1.a = t2.k OR t1.s = t2.s"),
      both("join_theta_left", "SELECT t1.id, t3.p, t3.q FROM t1 LEFT JOIN t3 ON t1.b > t3.b"),
      both("join_theta_range", "SELECT t2.k, t2.s, t3.p FROM t2 JOIN t3"
          + " ON t2.k BETWEEN t3.p - 1 AND t3.p + 1"),
      both("join_cross", "SELECT t1.id, t3.p, t3.q FROM t1 CROSS JOIN t3 WHERE t1.f"),
      both("join_cross_agg", "SELECT t1.a, t3.q, COUNT(*) AS c FROM t1, t3 GROUP BY t1.a, t3.q"),
      both("join_self", "SELECT x1.id AS id1, x2.id AS id2 FROM t1 x1 JOIN t1 x2"
          + " ON x1.s = x2.s AND x1.id < x2.id"),
      both("join_decimal_int", "SELECT t1.id, t2.a, t2.s FROM t1 JOIN t2 ON t1.d = t2.a"),
      both("join_double_int", "SELECT t1.id, t3.p, t3.q FROM t1 JOIN t3 ON t1.x = t3.k"),
      both("join_theta_dates", "SELECT t1.id, t2.dt FROM t1 JOIN t2 ON t1.a = t2.a"
          + " AND t1.dt < t2.dt"),
      both("join_three", "SELECT t1.id, t2.k, t3.q FROM t1 JOIN t2 ON t1.a = t2.k"
          + " LEFT JOIN t3 ON t2.a = t3.p"),

      // ---- semi and anti joins: IN, EXISTS, NOT IN (NULLs on either side), NOT EXISTS
      both("semi_in", "SELECT id, a FROM t1 WHERE a IN (SELECT k FROM t2)"),
      both("semi_in_filtered", "SELECT k, s FROM t2 WHERE s IN (SELECT s FROM t1 WHERE f)"),
      both("semi_exists", "SELECT k, a, s FROM t2 WHERE EXISTS (SELECT 1 FROM t3"
          + " WHERE t3.k = t2.k AND t3.b > 0)"),
      both("semi_exists_uncorrelated", "SELECT id FROM t1 WHERE EXISTS (SELECT 1 FROM t3"
          + " WHERE t3.b > 2)"),
      both("semi_row_in", "SELECT p, q FROM t3 WHERE (k, q) IN (SELECT a, s FROM t2)"),
      // NULLs on both sides; t2.k holds a NULL at some times and not at others.
      both("anti_not_in", "SELECT id, a FROM t1 WHERE a NOT IN (SELECT k FROM t2 WHERE f)"),
      both("anti_not_in_nonnull_right", "SELECT id, a FROM t1 WHERE a NOT IN"
          + " (SELECT k FROM t2 WHERE k IS NOT NULL)"),
      // The subquery has a NULL some of the time (then no row qualifies) and not at others.
      both("anti_not_in_nonnull_left", "SELECT p, q FROM t3 WHERE p NOT IN"
          + " (SELECT a FROM t1 WHERE s = 'a')"),
      both("anti_not_exists", "SELECT id, s FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2"
          + " WHERE t2.k = t1.a)"),
      both("anti_not_exists_residual", "SELECT k, s FROM t2 WHERE NOT EXISTS (SELECT 1 FROM t1"
          + " WHERE t1.s = t2.s AND t1.d > t2.d)"),
      both("semi_in_mixed_types", "SELECT id, d FROM t1 WHERE d IN (SELECT a FROM t2)"),
      both("anti_not_in_mixed_types", "SELECT id, x FROM t1 WHERE x NOT IN"
          + " (SELECT k FROM t3 WHERE k IS NOT NULL)"),
      both("in_list", "SELECT id, a FROM t1 WHERE a IN (0, 2, 4) OR s NOT IN ('a', 'b')"),

      // ---- GROUP BY, global aggregates, HAVING
      both("agg_group", "SELECT a, COUNT(*) AS c, COUNT(s) AS cs, SUM(b) AS sb, MIN(s) AS mins,"
          + " MAX(d) AS maxd FROM t1 GROUP BY a"),
      both("agg_group_double", "SELECT s, AVG(CAST(a AS DOUBLE)) AS aa, AVG(x) AS ax,"
          + " SUM(x) AS sx, MIN(x) AS mnx, MAX(x) AS mxx FROM t1 GROUP BY s"),
      both("agg_count_distinct", "SELECT k, COUNT(DISTINCT s) AS ds, COUNT(DISTINCT a) AS da,"
          + " SUM(DISTINCT a) AS sda FROM t2 GROUP BY k"),
      both("agg_two_keys", "SELECT k, s, COUNT(*) AS c, SUM(d) AS sd, MIN(dt) AS mindt FROM t2"
          + " GROUP BY k, s"),
      both("agg_bool_date_keys", "SELECT dt, f, MIN(id) AS mn, MAX(b) AS mx, COUNT(*) AS c"
          + " FROM t1 GROUP BY dt, f"),
      both("agg_expr_key", "SELECT MOD(id, 3) AS m, COUNT(*) AS c, SUM(a * 2) AS s2 FROM t1"
          + " GROUP BY MOD(id, 3)"),
      both("agg_min_max", "SELECT s, MIN(a) AS mn, MAX(a) AS mx, MIN(d) AS mnd,"
          + " MAX(dt) AS mxdt FROM t2 GROUP BY s"),
      both("agg_double_key", "SELECT x, COUNT(*) AS c, SUM(d) AS sd FROM t1 GROUP BY x"),
      both("agg_decimal_key", "SELECT d * 2 AS d2, COUNT(*) AS c, MAX(s) AS ms FROM t2"
          + " GROUP BY d * 2"),
      both("agg_case_sum", "SELECT s, SUM(CASE WHEN f THEN 1 ELSE 0 END) AS yes,"
          + " COUNT(DISTINCT dt) FILTER (WHERE a IS NOT NULL) AS dts FROM t2 GROUP BY s"),
      both("agg_group_no_aggregates", "SELECT k, s FROM t2 GROUP BY k, s"),
      both("agg_global", "SELECT COUNT(*) AS c, COUNT(k) AS ck, SUM(a) AS sa, MIN(s) AS mn,"
          + " MAX(dt) AS mx, SUM(d) AS sd FROM t2"),
      both("agg_global_empty_input", "SELECT COUNT(*) AS c, SUM(b) AS sb, MAX(s) AS mx,"
          + " AVG(x) AS ax FROM t1 WHERE a > 100"),
      both("agg_global_t3", "SELECT COUNT(*) AS c, AVG(x) AS ax, SUM(b) AS sb,"
          + " COUNT(DISTINCT k) AS dk, MIN(q) AS mq FROM t3"),
      both("agg_having", "SELECT a, COUNT(*) AS c FROM t1 GROUP BY a HAVING COUNT(*) > 1"),
      both("agg_having_or", "SELECT k, SUM(d) AS sd FROM t2 GROUP BY k"
          + " HAVING SUM(d) > 1 OR MIN(s) = 'a'"),
      both("agg_having_hidden", "SELECT s, MAX(id) AS mx FROM t1 GROUP BY s"
          + " HAVING MIN(a) < 2 AND COUNT(DISTINCT f) >= 1"),
      both("agg_filter_clause", "SELECT a, COUNT(*) FILTER (WHERE f) AS cf,"
          + " SUM(d) FILTER (WHERE s <> 'a') AS sd FROM t1 GROUP BY a"),
      both("agg_every_some", "SELECT k, EVERY(f) AS ev, SOME(f) AS sm FROM t2 GROUP BY k"),
      both("agg_over_left_join", "SELECT t1.a, COUNT(t2.k) AS c, SUM(t2.d) AS sd FROM t1"
          + " LEFT JOIN t2 ON t1.a = t2.k GROUP BY t1.a"),
      both("agg_of_agg", "SELECT c, COUNT(*) AS n FROM (SELECT k, COUNT(*) AS c FROM t2"
          + " GROUP BY k) g GROUP BY c"),
      sluiceOnly("agg_avg_decimal", "SELECT k, AVG(d) AS ad FROM t2 GROUP BY k",
          "Calcite's AVG of a DECIMAL keeps the column's scale; H2 adds ten digits"),
      sluiceOnly("agg_avg_integer", "SELECT a, AVG(b) AS ab, AVG(a) AS aa FROM t1 GROUP BY a",
          "Calcite's AVG of integers is an integer; H2's is DOUBLE or DECIMAL"),

      // ---- DISTINCT
      both("distinct", "SELECT DISTINCT a, s FROM t1"),
      both("distinct_nokey", "SELECT DISTINCT k, f FROM t2"),
      both("distinct_global_count", "SELECT COUNT(DISTINCT k) AS dk, COUNT(DISTINCT s) AS ds"
          + " FROM t2"),

      // ---- set operations
      both("union", "SELECT a AS v, s FROM t1 UNION SELECT k, s FROM t2"),
      both("union_all", "SELECT a AS v FROM t1 UNION ALL SELECT k FROM t2"
          + " UNION ALL SELECT k FROM t3"),
      both("union_all_literals", "SELECT id AS v, 't1' AS src FROM t1 WHERE f"
          + " UNION ALL SELECT p, 't3' FROM t3 WHERE b > 0"),
      both("union_all_agg", "SELECT v, COUNT(*) AS c FROM (SELECT a AS v FROM t1"
          + " UNION ALL SELECT k FROM t2) u GROUP BY v"),
      both("intersect", "SELECT a AS v, s FROM t1 INTERSECT SELECT k, s FROM t2"),
      both("except", "SELECT k AS v, s FROM t2 EXCEPT SELECT a, s FROM t1"),
      rewritten("intersect_all", "SELECT k AS v, s FROM t2 INTERSECT ALL SELECT a, s FROM t1",
          allSetOp("INTERSECT", "k", "s", "t2", "a", "s", "t1")),
      rewritten("except_all", "SELECT k AS v, s FROM t2 EXCEPT ALL SELECT k, q FROM t3",
          allSetOp("EXCEPT", "k", "s", "t2", "k", "q", "t3")),

      // ---- ORDER BY ... LIMIT (top-N), with and without OFFSET, with ties
      both("topn", "SELECT id, a, s FROM t1 ORDER BY a DESC NULLS LAST, id LIMIT 3"),
      both("topn_offset", "SELECT id, s FROM t1 ORDER BY s NULLS FIRST, id LIMIT 4 OFFSET 2"),
      // Ties on a: which rows win is not determined, but the a values they show are.
      both("topn_ties", "SELECT a FROM t1 ORDER BY a NULLS LAST LIMIT 3"),
      both("topn_ties_offset", "SELECT k FROM t2 ORDER BY k DESC NULLS FIRST LIMIT 2 OFFSET 1"),
      both("topn_duplicate_rows", "SELECT k, a, s, d FROM t2 ORDER BY k NULLS FIRST,"
          + " a NULLS FIRST, s NULLS FIRST, d NULLS FIRST LIMIT 5"),
      both("topn_of_groups", "SELECT a, COUNT(*) AS c FROM t1 GROUP BY a"
          + " ORDER BY c DESC, a NULLS FIRST LIMIT 2"),
      both("topn_expression_key", "SELECT id, a FROM t1 ORDER BY ABS(a - 1) NULLS LAST,"
          + " id DESC LIMIT 3 OFFSET 1"),
      both("topn_distinct", "SELECT DISTINCT s FROM t2 ORDER BY s NULLS LAST LIMIT 3"),
      both("topn_limit_zero", "SELECT id, s FROM t1 ORDER BY id LIMIT 0"),
      both("topn_offset_only", "SELECT p, q FROM t3 ORDER BY p, q OFFSET 2 ROWS"),
      both("topn_in_subquery", "SELECT COUNT(*) AS c, SUM(a) AS sa, MIN(a) AS mn FROM"
          + " (SELECT a FROM t1 ORDER BY a NULLS FIRST LIMIT 5) z"),
      both("topn_of_join", "SELECT t1.id, t2.k FROM t1 JOIN t2 ON t1.a = t2.k"
          + " ORDER BY t1.id DESC, t2.k LIMIT 4"),

      // ---- scalar subqueries, uncorrelated and correlated
      both("scalar_where", "SELECT id, a FROM t1 WHERE a > (SELECT MIN(k) FROM t2)"),
      both("scalar_select", "SELECT id, a - (SELECT MIN(k) FROM t2) AS diff,"
          + " (SELECT COUNT(*) FROM t3) AS n3 FROM t1"),
      // A threshold on a DOUBLE average: the view's running sum, which rows leave as well as
      // enter, must not drift from the sum computed afresh.
      both("scalar_double", "SELECT id, x FROM t1 WHERE x > (SELECT AVG(x) FROM t3)"),
      both("scalar_only", "SELECT (SELECT COUNT(*) FROM t1) AS c1, (SELECT MAX(s) FROM t2) AS m2"),
      both("scalar_corr_count", "SELECT id, (SELECT COUNT(*) FROM t2 WHERE t2.k = t1.a) AS n"
          + " FROM t1"),
      both("scalar_corr_max", "SELECT id, (SELECT MAX(d) FROM t2 WHERE t2.k = t1.a"
          + " AND t2.s <> t1.s) AS md FROM t1"),
      both("scalar_corr_where", "SELECT p, q FROM t3 WHERE b > (SELECT COUNT(*) FROM t2"
          + " WHERE t2.k = t3.k)"),
      both("scalar_in_having", "SELECT a, COUNT(*) AS c FROM t1 GROUP BY a"
          + " HAVING COUNT(*) >= (SELECT COUNT(*) FROM t3) / 3"),

      // ---- views over materialized views (each name mv_x is the view of query x above)
      both("vv_filter", "SELECT a, c FROM mv_agg_group WHERE c > 1"),
      both("vv_join_table", "SELECT g.a, g.c, t2.s FROM mv_agg_group g JOIN t2 ON g.a = t2.k"),
      both("vv_of_vv", "SELECT COUNT(*) AS n, SUM(c) AS total FROM mv_vv_filter"),
      both("vv_join_views", "SELECT j.id, j.s1, d.a FROM mv_join_inner j JOIN mv_distinct d"
          + " ON j.s1 = d.s"),
      both("vv_left_join_views", "SELECT g.a, g.c, u.c AS cu FROM mv_agg_group g"
          + " LEFT JOIN mv_union_all_agg u ON g.a = u.v"),
      both("vv_topn", "SELECT a, c FROM mv_agg_group ORDER BY c DESC, a NULLS LAST LIMIT 2"),
      both("vv_anti", "SELECT id FROM t1 WHERE NOT EXISTS (SELECT 1 FROM mv_semi_in m"
          + " WHERE m.id = t1.id)"));

  static {
    Set<String> seen = new HashSet<>();
    Set<String> checkedByH2 = new HashSet<>();
    for (ViewQuery q : ALL) {
      for (String read : q.reads()) {
        if (!seen.contains(read)) {
          throw new IllegalStateException(q.name() + " reads mv_" + read
              + ", which is not an earlier query of the pool");
        }
      }
      if (!seen.add(q.name())) {
        throw new IllegalStateException("two queries named " + q.name());
      }
      if (q.checkedByH2()) {
        checkedByH2.add(q.name());
        if (!checkedByH2.containsAll(q.reads())) {
          throw new IllegalStateException(q.name() + " is checked by H2, so the views it reads"
              + " must be too");
        }
      }
    }
  }
}
