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
    MaterializedViewTable view = table.unwrap(MaterializedViewTable.class);
    if (view != null) {
      io.sluice.plan.catalog.ViewDef v = view.def();
      return TableScanNode.full(new io.sluice.plan.catalog.TableDef(v.id(), v.schema(),
          v.name(), v.rowType(), java.util.List.of(), null, java.util.Map.of(),
          io.sluice.plan.catalog.TableDef.Kind.MATERIALIZED_VIEW));
    }
    throw SluiceException.unsupported("cannot read " + table.getQualifiedName());
  }
}
