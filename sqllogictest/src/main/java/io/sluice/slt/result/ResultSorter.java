package io.sluice.slt.result;

import io.sluice.slt.script.SortMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts formatted values in the order a sort mode asks for, comparing them as SQLite's runner
 * does: with {@code strcmp} on the rendered text, so {@code "10"} sorts before {@code "9"} and
 * {@code "NULL"} and {@code "(empty)"} sort as the words they are. Rendered values are printable
 * ASCII, where {@link String#compareTo} and {@code strcmp} agree.
 */
public final class ResultSorter {
  private ResultSorter() {}

  /**
   * The values in order.
   *
   * @param values the values row after row, as the database returned them
   * @param columns values per row
   * @param mode the sort mode
   */
  public static List<String> sort(List<String> values, int columns, SortMode mode) {
    return switch (mode) {
      case NOSORT -> List.copyOf(values);
      case VALUESORT -> values.stream().sorted().toList();
      case ROWSORT -> sortRows(values, columns);
    };
  }

  private static List<String> sortRows(List<String> values, int columns) {
    if (columns <= 0 || values.size() % columns != 0) {
      throw new IllegalArgumentException(
          values.size() + " values do not make rows of " + columns);
    }
    List<String[]> rows = new ArrayList<>(values.size() / columns);
    for (int i = 0; i < values.size(); i += columns) {
      rows.add(values.subList(i, i + columns).toArray(String[]::new));
    }
    // Lexicographic over the columns; every row has the same length.
    rows.sort(Arrays::compare);
    List<String> sorted = new ArrayList<>(values.size());
    rows.forEach(row -> sorted.addAll(Arrays.asList(row)));
    return List.copyOf(sorted);
  }
}
