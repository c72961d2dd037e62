package io.sluice.plan.node;

import io.sluice.common.types.RowType;
import io.sluice.plan.expr.GeneratedCode;
import java.util.List;
import java.util.Objects;

/**
 * Filter and projection in one generated {@link io.sluice.plan.expr.RowProgram}. Linear, so
 * stateless: a change to the input is a change to the output with the same weight.
 *
 * @param forwarded for each output column, the input column it copies unchanged, or -1 when it
 *     is computed (what the planner needs to know how rows stay partitioned)
 */
public record CalcNode(PlanNode input, GeneratedCode program, RowType rowType,
    List<Integer> forwarded) implements PlanNode {
  public CalcNode {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(rowType, "rowType");
    forwarded = List.copyOf(forwarded);
    if (forwarded.size() != rowType.size()) {
      throw new IllegalArgumentException("forwarded must name every output column");
    }
  }

  /** A calc whose output columns are all computed (none known to be copied). */
  public CalcNode(PlanNode input, GeneratedCode program, RowType rowType) {
    this(input, program, rowType, java.util.Collections.nCopies(rowType.size(), -1));
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
