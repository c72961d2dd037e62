package io.sluice.planner.translate;

import io.sluice.common.types.RowType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ValuesNode;
import io.sluice.planner.calcite.TypeConversion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexLiteral;

/** Constant rows. */
final class ValuesTranslation {
  private ValuesTranslation() {}

  static PlanNode values(LogicalValues values, RelTranslator t) {
    RowType rowType = TypeConversion.rowTypeFromCalcite(values.getRowType());
    List<Object[]> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = Literals.toInternal(tuple.get(i), rowType.type(i));
      }
      rows.add(row);
    }
    return new ValuesNode(rowType, rows);
  }
}
