package io.sluice.plan.node;

/**
 * One ORDER BY key.
 *
 * @param field the position of the column
 * @param descending whether larger values come first
 * @param nullsFirst whether NULL comes before every value
 */
public record SortKey(int field, boolean descending, boolean nullsFirst) {
  @Override
  public String toString() {
    return "$" + field + (descending ? " DESC" : "") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
