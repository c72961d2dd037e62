package io.sluice.server.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One query of the differential pool, kept as the materialized view {@code mv_<name>}.
 *
 * @param name a short name; the view is {@link #view()}
 * @param sql the query as Sluice runs it (view body and ad-hoc query)
 * @param h2Sql the same query in H2's dialect, or null when H2 cannot check it
 * @param sluiceOnly why H2 cannot check it (null when it can): then the view is compared with
 *     Sluice's own ad-hoc answer only
 */
record ViewQuery(String name, String sql, String h2Sql, String sluiceOnly) {
  private static final Pattern VIEW_REF = Pattern.compile("\\bmv_(\\w+)");

  ViewQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    if ((h2Sql == null) == (sluiceOnly == null)) {
      throw new IllegalArgumentException(name + ": either H2 SQL or a reason it has none");
    }
  }

  /** A query both engines run as written. */
  static ViewQuery both(String name, String sql) {
    return new ViewQuery(name, sql, sql, null);
  }

  /** A query H2 runs in another form (a feature H2 lacks, written with ones it has). */
  static ViewQuery rewritten(String name, String sql, String h2Sql) {
    return new ViewQuery(name, sql, h2Sql, null);
  }

  /** A query whose answer H2 gives differently by design; compared with Sluice ad hoc only. */
  static ViewQuery sluiceOnly(String name, String sql, String reason) {
    return new ViewQuery(name, sql, null, reason);
  }

  /** The materialized view that keeps this query. */
  String view() {
    return "mv_" + name;
  }

  /** Whether H2 checks the answer. */
  boolean checkedByH2() {
    return h2Sql != null;
  }

  /** The names of the pool queries whose views this one reads. */
  List<String> reads() {
    List<String> out = new ArrayList<>();
    Matcher m = VIEW_REF.matcher(sql);
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
