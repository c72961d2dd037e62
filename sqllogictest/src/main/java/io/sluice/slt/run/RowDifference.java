package io.sluice.slt.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How two results differ as multisets of rows, for reports. */
final class RowDifference {
  private static final int SHOWN = 5;

  private RowDifference() {}

  /**
   * Empty when {@code actual} and {@code expected} hold the same rows (each row {@code columns}
   * consecutive values) as many times each; otherwise what is missing and what is extra.
   */
  static String of(List<String> actual, List<String> expected, int columns) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (List<String> row : rows(expected, columns)) {
      counts.merge(row, 1, Integer::sum);
    }
    for (List<String> row : rows(actual, columns)) {
      counts.merge(row, -1, Integer::sum);
    }
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    counts.forEach((row, n) -> {
      for (int i = 0; i < Math.abs(n); i++) {
        (n > 0 ? missing : extra).add(row.toString());
      }
    });
    if (missing.isEmpty() && extra.isEmpty()) {
      return "";
    }
    missing.sort(null);
    extra.sort(null);
    return "missing " + shown(missing) + ", extra " + shown(extra);
  }

  private static String shown(List<String> rows) {
    if (rows.size() <= SHOWN) {
      return rows.toString();
    }
    return rows.subList(0, SHOWN) + " and " + (rows.size() - SHOWN) + " more";
  }

  private static List<List<String>> rows(List<String> values, int columns) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i + columns <= values.size(); i += columns) {
      out.add(values.subList(i, i + columns));
    }
    return out;
  }
}
