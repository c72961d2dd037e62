package io.sluice.plan.node;

import io.sluice.common.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant rows, in internal representation.
 *
 * @param rowType the row type
 * @param rows the rows; each array has {@code rowType.size()} values
 */
public record ValuesNode(RowType rowType, List<Object[]> rows) implements PlanNode {
  public ValuesNode {
    List<Object[]> copy = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      if (r.length != rowType.size()) {
        throw new IllegalArgumentException("row has " + r.length + " values, type " + rowType.size());
      }
      copy.add(r.clone());
    }
    rows = List.copyOf(copy);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitValues(this);
  }

  @Override
  public String describe() {
    return "Values(rows=" + rows.size() + ")";
  }
}
