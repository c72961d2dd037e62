package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.planner.calcite.MaterializedViewTable;
import io.sluice.planner.calcite.SluiceTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.logical.LogicalTableScan;

/** Table scans. */
final class ScanTranslation {
  private ScanTranslation() {}

  static PlanNode scan(LogicalTableScan scan, RelTranslator t) {
    RelOptTable table = scan.getTable();
    SluiceTable sluiceTable = table.unwrap(SluiceTable.class);
    if (sluiceTable != null) {
      return TableScanNode.full(sluiceTable.def());
    }
    if (table.unwrap(MaterializedViewTable.class) != null) {
      throw SluiceException.unsupported("reading materialized views is not supported yet");
    }
    throw SluiceException.unsupported("cannot read " + table.getQualifiedName());
  }
}
