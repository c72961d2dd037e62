package io.sluice.slt.script;

import java.util.Optional;

/** How a query's values are put in order before they are compared or hashed. */
public enum SortMode {
  /** Compare in the order the database returned them (the query has its own ORDER BY). */
  NOSORT,
  /** Sort whole rows, comparing their formatted values column by column. */
  ROWSORT,
  /** Sort every value on its own, forgetting the rows. */
  VALUESORT;

  /** The mode a query header names; an absent word means {@link #NOSORT}, as in SQLite. */
  public static Optional<SortMode> parse(String word) {
    return switch (word) {
      case "", "nosort" -> Optional.of(NOSORT);
      case "rowsort" -> Optional.of(ROWSORT);
      case "valuesort" -> Optional.of(VALUESORT);
      default -> Optional.empty();
    };
  }
}
