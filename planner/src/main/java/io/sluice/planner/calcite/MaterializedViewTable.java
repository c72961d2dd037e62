package io.sluice.planner.calcite;

import io.sluice.plan.catalog.ViewDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A materialized view as a table: reading it reads the rows the view maintains. */
public final class MaterializedViewTable extends AbstractTable {
  private final ViewDef def;

  MaterializedViewTable(ViewDef def) {
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
}
