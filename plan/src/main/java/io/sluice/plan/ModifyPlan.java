package io.sluice.plan;

import io.sluice.common.types.DataType;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.PlanNode;
import java.util.List;
import java.util.Objects;

/**
 * A planned INSERT, UPDATE or DELETE: a query that computes the rows to change, and the table
 * to change them in. The source emits, per kind:
 * <ul>
 *   <li>INSERT: the new rows, with every column of the table, already cast to its type.
 *   <li>DELETE: the rows to delete, with every column.
 *   <li>UPDATE: the old row followed by the new row (twice the table's columns).
 * </ul>
 */
public record ModifyPlan(Kind kind, TableDef table, PlanNode source,
    List<DataType> parameterTypes) {
  /** The statement kind. */
  public enum Kind { INSERT, UPDATE, DELETE }

  public ModifyPlan {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(source, "source");
    parameterTypes = List.copyOf(parameterTypes);
    int expected = kind == Kind.UPDATE ? 2 * table.rowType().size() : table.rowType().size();
    if (source.rowType().size() != expected) {
      throw new IllegalArgumentException(kind + " source must have " + expected + " columns, has "
          + source.rowType().size());
    }
  }
}
