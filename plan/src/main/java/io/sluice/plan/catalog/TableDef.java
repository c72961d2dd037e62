package io.sluice.plan.catalog;

import io.sluice.common.types.RowType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table: a base table holding rows, or a system table whose rows the server computes.
 *
 * @param id unique and never reused; base table rows are stored under it
 * @param schema the schema name ({@code public} for user tables, {@code sys} for system tables)
 * @param name the table name
 * @param rowType the columns
 * @param primaryKey positions of the primary key columns, in key order; empty when none
 * @param defaults each column's DEFAULT expression text, or null
 * @param options the WITH options of CREATE TABLE
 * @param kind base or system
 * @param indexes the table's secondary indexes (UNIQUE constraints among them)
 */
public record TableDef(long id, String schema, String name, RowType rowType,
    List<Integer> primaryKey, List<String> defaults, Map<String, String> options, Kind kind,
    List<IndexDef> indexes) {

  /**
   * Where rows come from: stored (BASE), computed by the server (SYSTEM), or the maintained
   * contents of a materialized view (MATERIALIZED_VIEW; the id is the view's).
   */
  public enum Kind { BASE, SYSTEM, MATERIALIZED_VIEW }

  public TableDef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rowType, "rowType");
    primaryKey = List.copyOf(primaryKey);
    if (defaults == null) {
      defaults = Collections.nCopies(rowType.size(), null);
    }
    if (defaults.size() != rowType.size()) {
      throw new IllegalArgumentException("one default per column");
    }
    defaults = Collections.unmodifiableList(new ArrayList<>(defaults));
    options = Map.copyOf(options);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /** A table without secondary indexes. */
  public TableDef(long id, String schema, String name, RowType rowType, List<Integer> primaryKey,
      List<String> defaults, Map<String, String> options, Kind kind) {
    this(id, schema, name, rowType, primaryKey, defaults, options, kind, List.of());
  }

  /** This table with another set of indexes. */
  public TableDef withIndexes(List<IndexDef> newIndexes) {
    return new TableDef(id, schema, name, rowType, primaryKey, defaults, options, kind,
        newIndexes);
  }

  /** The primary key positions as an array. */
  public int[] primaryKeyArray() {
    return primaryKey.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code schema.name}. */
  public String qualifiedName() {
    return schema + "." + name;
  }
}
