package io.sluice.planner.translate;

import io.sluice.common.types.RowType;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SetOpNode;
import io.sluice.plan.node.UnionAllNode;
import io.sluice.planner.calcite.TypeConversion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalUnion;

/** UNION, INTERSECT and EXCEPT. */
final class SetOpTranslation {
  private SetOpTranslation() {}

  static PlanNode union(LogicalUnion union, RelTranslator t) {
    RowType rowType = TypeConversion.rowTypeFromCalcite(union.getRowType());
    PlanNode all = new UnionAllNode(inputs(union, t), rowType);
    if (union.all) {
      return all;
    }
    List<Integer> keys = IntStream.range(0, rowType.size()).boxed().toList();
    return new AggregateNode(all, keys, List.of(), rowType);
  }

  static PlanNode intersect(LogicalIntersect op, RelTranslator t) {
    return new SetOpNode(inputs(op, t), SetOpNode.Kind.INTERSECT, op.all,
        TypeConversion.rowTypeFromCalcite(op.getRowType()));
  }

  static PlanNode minus(LogicalMinus op, RelTranslator t) {
    return new SetOpNode(inputs(op, t), SetOpNode.Kind.EXCEPT, op.all,
        TypeConversion.rowTypeFromCalcite(op.getRowType()));
  }

  private static List<PlanNode> inputs(SetOp op, RelTranslator t) {
    List<PlanNode> inputs = new ArrayList<>();
    for (RelNode in : op.getInputs()) {
      inputs.add(t.translate(in));
    }
    return inputs;
  }
}
