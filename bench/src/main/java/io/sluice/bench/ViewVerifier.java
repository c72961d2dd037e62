package io.sluice.bench;

import io.sluice.server.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a scenario's view three ways, as multisets of rows: the view's contents ({@code SELECT
 * * FROM view}, a fresh read), the view's query run ad hoc over the tables, and the rows the
 * scenario computes itself from the data it wrote. All three must agree; when they do not, the
 * differing rows are printed.
 */
final class ViewVerifier {
  private static final int DIFFERENCES_SHOWN = 10;

  private ViewVerifier() {}

  /** What a check found. */
  record Outcome(boolean ok, RowMultiset.Digest expected, RowMultiset.Digest view,
      RowMultiset.Digest adhoc, double seconds) { }

  static Outcome verify(Session s, ViewScenario scenario, int phasesDone, PrintStream out) {
    long t0 = System.nanoTime();
    RowMultiset.Digest expected = new RowMultiset.Digest();
    scenario.expectedRows(phasesDone, expected::add);
    RowMultiset.Digest view = RowMultiset.digest(
        EmbeddedDatabase.rows(s, "SELECT * FROM " + scenario.viewName()));
    RowMultiset.Digest adhoc = RowMultiset.digest(EmbeddedDatabase.rows(s, scenario.viewQuery()));
    boolean ok = expected.equals(view) && expected.equals(adhoc);
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "  verify: view %s; ad hoc query %s; expected %s: %s (%.1f s)%n",
        view.equals(expected) ? "matches" : "DIFFERS",
        adhoc.equals(expected) ? "matches" : "DIFFERS", expected, ok ? "ok" : "WRONG", seconds);
    if (!ok) {
      report(s, scenario, phasesDone, expected, view, adhoc, out);
    }
    return new Outcome(ok, expected, view, adhoc, seconds);
  }

  private static void report(Session s, ViewScenario scenario, int phasesDone,
      RowMultiset.Digest expected, RowMultiset.Digest view, RowMultiset.Digest adhoc,
      PrintStream out) {
    List<Object[]> expectedRows = new ArrayList<>();
    scenario.expectedRows(phasesDone, expectedRows::add);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "!!! WRONG DATA in view %s after phase %d: view %s, "
        + "ad hoc query %s, expected %s", scenario.viewName(), phasesDone, view, adhoc,
        expected));
    if (!view.equals(expected)) {
      lines.add("  view contents compared with the expected rows:");
      for (String d : RowMultiset.differences(expectedRows,
          EmbeddedDatabase.rows(s, "SELECT * FROM " + scenario.viewName()), DIFFERENCES_SHOWN)) {
        lines.add("    " + d);
      }
    }
    if (!adhoc.equals(expected)) {
      lines.add("  ad hoc query compared with the expected rows:");
      for (String d : RowMultiset.differences(expectedRows,
          EmbeddedDatabase.rows(s, scenario.viewQuery()), DIFFERENCES_SHOWN)) {
        lines.add("    " + d);
      }
    }
    for (String l : lines) {
      out.println(l);
      System.err.println(l);
    }
  }
}
