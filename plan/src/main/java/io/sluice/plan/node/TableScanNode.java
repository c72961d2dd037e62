package io.sluice.plan.node;

import io.sluice.common.types.RowType;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.expr.GeneratedCode;
import java.util.List;
import java.util.Objects;

/**
 * Reads a table: over a snapshot for an ad-hoc query, as a change stream for a continuous one.
 *
 * @param table the table
 * @param keyLookups when not empty, only rows whose primary key starts with one of these keys:
 *     each program maps the empty row to a key prefix of {@code lookupPrefixLength} columns
 *     (it may read query parameters); a program returning null matches nothing
 * @param lookupPrefixLength how many primary key columns each lookup fixes
 */
public record TableScanNode(TableDef table, List<GeneratedCode> keyLookups,
    int lookupPrefixLength) implements PlanNode {
  public TableScanNode {
    Objects.requireNonNull(table, "table");
    keyLookups = List.copyOf(keyLookups);
  }

  /** A scan of the whole table. */
  public static TableScanNode full(TableDef table) {
    return new TableScanNode(table, List.of(), 0);
  }

  @Override
  public RowType rowType() {
    return table.rowType();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitTableScan(this);
  }

  @Override
  public String describe() {
    String s = "TableScan(table=" + table.qualifiedName();
    if (!keyLookups.isEmpty()) {
      s += ", lookup=" + keyLookups.size() + " key(s) on " + lookupPrefixLength + " column(s)";
    }
    return s + ")";
  }
}
