package io.sluice.plan.node;

import io.sluice.common.types.RowType;
import io.sluice.plan.expr.GeneratedCode;
import java.util.List;
import java.util.Objects;

/**
 * Filter and projection in one generated {@link io.sluice.plan.expr.RowProgram}. Linear, so
 * stateless: a change to the input is a change to the output with the same weight.
 */
public record CalcNode(PlanNode input, GeneratedCode program, RowType rowType)
    implements PlanNode {
  public CalcNode {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(rowType, "rowType");
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitCalc(this);
  }

  @Override
  public String describe() {
    return "Calc(" + program.description() + ")";
  }
}
