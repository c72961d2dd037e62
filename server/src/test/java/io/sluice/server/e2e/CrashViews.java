package io.sluice.server.e2e;

import io.sluice.server.e2e.CrashWriter.Acct;
import io.sluice.server.e2e.CrashWriter.Dim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The materialized views of {@link CrashRecoveryTest}, one per kind of incremental operator,
 * each with its query and the same query computed in Java from the rows the test expects in
 * the tables.
 */
final class CrashViews {
  private CrashViews() {}

  /**
   * A view: its name, its defining query and that query evaluated over model rows.
   */
  record View(String name, String sql,
      BiFunction<Collection<Acct>, Collection<Dim>, List<List<Object>>> model) {}

  static final List<View> ALL = List.of(
      new View("cr_v_sum", "SELECT grp, COUNT(*) AS n, SUM(amount) AS total FROM cr_acct"
          + " GROUP BY grp", CrashViews::sumByGroup),
      new View("cr_v_minmax", "SELECT grp, MIN(amount) AS lo, MAX(amount) AS hi FROM cr_acct"
          + " GROUP BY grp", CrashViews::minMaxByGroup),
      new View("cr_v_join", "SELECT a.id, a.amount, d.label FROM cr_acct a JOIN cr_dim d"
          + " ON a.grp = d.k", CrashViews::join),
      new View("cr_v_left", "SELECT d.k, d.label, COUNT(a.id) AS n FROM cr_dim d"
          + " LEFT JOIN cr_acct a ON a.grp = d.k GROUP BY d.k, d.label", CrashViews::leftJoin),
      new View("cr_v_filter", "SELECT id, amount * 2 AS twice, tag FROM cr_acct"
          + " WHERE MOD(amount, 3) = 0", CrashViews::filter),
      new View("cr_v_distinct", "SELECT DISTINCT grp, amount / 100 AS bucket FROM cr_acct",
          CrashViews::distinct),
      new View("cr_v_top", "SELECT id, amount FROM cr_acct ORDER BY amount DESC, id LIMIT 10",
          CrashViews::top),
      new View("cr_v_global", "SELECT COUNT(*) AS n, SUM(amount) AS total,"
          + " COUNT(DISTINCT grp) AS grps FROM cr_acct", CrashViews::global));

  private static List<List<Object>> sumByGroup(Collection<Acct> acct, Collection<Dim> dim) {
    Map<Integer, long[]> groups = new TreeMap<>();
    for (Acct a : acct) {
      long[] g = groups.computeIfAbsent(a.grp(), k -> new long[2]);
      g[0]++;
      g[1] += a.amount();
    }
    List<List<Object>> out = new ArrayList<>();
    groups.forEach((k, g) -> out.add(row((long) k, g[0], g[1])));
    return out;
  }

  private static List<List<Object>> minMaxByGroup(Collection<Acct> acct, Collection<Dim> dim) {
    Map<Integer, long[]> groups = new TreeMap<>();
    for (Acct a : acct) {
      long[] g = groups.computeIfAbsent(a.grp(), k -> new long[] {Long.MAX_VALUE,
          Long.MIN_VALUE});
      g[0] = Math.min(g[0], a.amount());
      g[1] = Math.max(g[1], a.amount());
    }
    List<List<Object>> out = new ArrayList<>();
    groups.forEach((k, g) -> out.add(row((long) k, g[0], g[1])));
    return out;
  }

  private static List<List<Object>> join(Collection<Acct> acct, Collection<Dim> dim) {
    Map<Integer, String> labels = labels(dim);
    List<List<Object>> out = new ArrayList<>();
    for (Acct a : acct) {
      String label = labels.get(a.grp());
      if (label != null) {
        out.add(row(a.id(), a.amount(), label));
      }
    }
    return out;
  }

  private static List<List<Object>> leftJoin(Collection<Acct> acct, Collection<Dim> dim) {
    Map<Integer, Long> counts = new HashMap<>();
    for (Acct a : acct) {
      counts.merge(a.grp(), 1L, Long::sum);
    }
    List<List<Object>> out = new ArrayList<>();
    for (Dim d : dim) {
      out.add(row((long) d.k(), d.label(), counts.getOrDefault(d.k(), 0L)));
    }
    return out;
  }

  private static List<List<Object>> filter(Collection<Acct> acct, Collection<Dim> dim) {
    List<List<Object>> out = new ArrayList<>();
    for (Acct a : acct) {
      if (a.amount() % 3 == 0) {
        out.add(row(a.id(), a.amount() * 2, a.tag()));
      }
    }
    return out;
  }

  private static List<List<Object>> distinct(Collection<Acct> acct, Collection<Dim> dim) {
    Set<List<Object>> out = new LinkedHashSet<>();
    for (Acct a : acct) {
      out.add(row((long) a.grp(), a.amount() / 100)); // both truncate toward zero
    }
    return new ArrayList<>(out);
  }

  private static List<List<Object>> top(Collection<Acct> acct, Collection<Dim> dim) {
    List<Acct> sorted = new ArrayList<>(acct);
    sorted.sort(Comparator.comparingLong(Acct::amount).reversed()
        .thenComparingLong(Acct::id));
    List<List<Object>> out = new ArrayList<>();
    for (Acct a : sorted.subList(0, Math.min(10, sorted.size()))) {
      out.add(row(a.id(), a.amount()));
    }
    return out;
  }

  private static List<List<Object>> global(Collection<Acct> acct, Collection<Dim> dim) {
    long sum = 0;
    Set<Integer> groups = new java.util.HashSet<>();
    for (Acct a : acct) {
      sum += a.amount();
      groups.add(a.grp());
    }
    return List.of(row((long) acct.size(), acct.isEmpty() ? null : sum, (long) groups.size()));
  }

  private static Map<Integer, String> labels(Collection<Dim> dim) {
    Map<Integer, String> labels = new HashMap<>();
    for (Dim d : dim) {
      labels.put(d.k(), d.label());
    }
    return labels;
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /**
   * Rows as a sorted multiset, every value in one canonical form: integral numbers of any type
   * (including integral decimals, which is what some aggregates return) as Long, other
   * decimals without trailing zeros, the rest as {@link Sql#normalize} leaves them.
   */
  static List<String> canonical(List<List<Object>> rows) {
    List<String> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      List<Object> c = new ArrayList<>(r.size());
      for (Object v : r) {
        c.add(canonical(v));
      }
      out.add(c.toString());
    }
    out.sort(null);
    return out;
  }

  private static Object canonical(Object v) {
    Object n = Sql.normalize(v);
    if (n instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      if (s.scale() <= 0) {
        try {
          return s.longValueExact();
        } catch (ArithmeticException e) {
          return s.toPlainString();
        }
      }
      return s.toPlainString();
    }
    return n;
  }
}
