package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * INTERSECT or EXCEPT, with or without ALL, over two inputs or more; NULLs compare equal. For
 * each distinct row the operator counts its copies in every input and emits: INTERSECT ALL the
 * least count, INTERSECT one copy if every count is positive, EXCEPT ALL the first count minus
 * the others (at least 0), EXCEPT one copy if only the first count is positive.
 *
 * <p>State {@code rows}: key = the whole row; value = one count per input.
 */
public record SetOpNode(List<PlanNode> inputs, Kind kind, boolean all, RowType rowType)
    implements PlanNode {
  /** The set operation. */
  public enum Kind { INTERSECT, EXCEPT }

  public SetOpNode {
    inputs = List.copyOf(inputs);
    if (inputs.size() < 2) {
      throw new IllegalArgumentException(kind + " needs two inputs or more");
    }
  }

  @Override
  public List<StateTableDecl> stateTables() {
    List<StateTableDecl.KeyColumn> key = new ArrayList<>();
    for (int i = 0; i < rowType.size(); i++) {
      key.add(StateTableDecl.KeyColumn.of(rowType.type(i)));
    }
    List<DataType> counts = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      counts.add(new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0, false));
    }
    return List.of(new StateTableDecl("rows", key, counts));
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitSetOp(this);
  }

  @Override
  public String describe() {
    return kind + (all ? " ALL" : "") + "(inputs=" + inputs.size() + ")";
  }
}
