package io.sluice.plan.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index of a table, kept up to date with every write. A unique index also makes
 * its columns a key: no two rows may have equal values in them, unless one is NULL.
 *
 * @param id unique and never reused; the index's entries are stored under it
 * @param name the index name, unique among the schema's indexes
 * @param columns positions of the indexed columns, in index order
 * @param descending for each column, whether it is indexed in descending order
 * @param unique whether the columns form a unique key
 */
public record IndexDef(long id, String name, List<Integer> columns, List<Boolean> descending,
    boolean unique) {
  public IndexDef {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    descending = List.copyOf(descending);
    if (columns.isEmpty() || columns.size() != descending.size()) {
      throw new IllegalArgumentException("an index needs columns, each with a direction");
    }
  }
}
