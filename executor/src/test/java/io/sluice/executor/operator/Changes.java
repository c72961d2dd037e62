package io.sluice.executor.operator;

import io.sluice.common.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multiset of rows with weights, consolidated: one entry per distinct row, zero weights
 * dropped. Rows are equal when their values are equal as Java objects, so an Integer where a
 * Long belongs, or a DECIMAL at another scale, is a different row. Prints as a sorted change
 * script.
 */
final class Changes {
  private final Map<List<Object>, Long> weights = new HashMap<>();

  /** The changes of a script, read with the column types of {@code type}. */
  static Changes parse(RowType type, String script) {
    Changes c = new Changes();
    for (ChangeScript.Change change : ChangeScript.parse(type, script)) {
      c.add(change.row(), change.weight());
    }
    return c;
  }

  void add(Object[] row, long weight) {
    if (weight == 0) {
      return;
    }
    weights.merge(Arrays.asList(row.clone()), weight, (a, b) -> a + b == 0 ? null : a + b);
  }

  void addAll(Changes other) {
    other.weights.forEach((row, w) -> add(row.toArray(), w));
  }

  boolean isEmpty() {
    return weights.isEmpty();
  }

  /** Each distinct row with its weight. */
  Map<List<Object>, Long> weights() {
    return Map.copyOf(weights);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Changes c && c.weights.equals(weights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(weights);
  }

  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    weights.forEach((row, w) -> lines.add((w > 0 ? "+" : "") + w + " " + show(row)));
    lines.sort(null);
    return lines.isEmpty() ? "(no changes)" : String.join("\n", lines);
  }

  private static String show(List<Object> row) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < row.size(); i++) {
      Object v = row.get(i);
      sb.append(i == 0 ? "" : ", ").append(v instanceof String s ? quote(s) : v);
    }
    return sb.append(']').toString();
  }

  /** A string literal with invisible characters escaped as Java escapes (backslash, u, hex). */
  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return sb.append('\'').toString();
  }
}
