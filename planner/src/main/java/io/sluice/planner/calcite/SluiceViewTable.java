package io.sluice.planner.calcite;

import io.sluice.plan.catalog.ViewDef;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A plain view: reading it expands its query in place, so the optimizer sees through it.
 */
public final class SluiceViewTable extends AbstractTable implements TranslatableTable {
  private final ViewDef def;

  SluiceViewTable(ViewDef def) {
    this.def = def;
  }

  /** The catalog definition. */
  public ViewDef def() {
    return def;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConversion.rowTypeToCalcite(typeFactory, def.rowType());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelRoot root = context.expandView(relOptTable.getRowType(), def.sql(),
        List.of(def.schema()), List.of(def.schema(), def.name()));
    return RelOptUtil.createCastRel(root.rel, relOptTable.getRowType(), true);
  }
}
