package io.sluice.plan.node;

import io.sluice.common.types.RowType;
import java.util.List;

/** UNION ALL: every input's changes, unchanged. Stateless. */
public record UnionAllNode(List<PlanNode> inputs, RowType rowType) implements PlanNode {
  public UnionAllNode {
    inputs = List.copyOf(inputs);
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("UNION ALL needs two inputs or more");
    }
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitUnionAll(this);
  }

  @Override
  public String describe() {
    return "UnionAll(inputs=" + inputs.size() + ")";
  }
}
