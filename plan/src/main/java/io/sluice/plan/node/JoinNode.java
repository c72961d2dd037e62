package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.expr.GeneratedCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A join on key equality plus an optional residual condition. With no keys it is a theta (or
 * cross) join. Keys with a NULL never match, unless the key is null-safe ({@code IS NOT
 * DISTINCT FROM}).
 *
 * @param leftKeys key positions in the left row
 * @param rightKeys key positions in the right row, paired with {@code leftKeys}
 * @param keyTypes for each key pair, the type both sides' values are converted to before they
 *     are compared (their common type)
 * @param nullSafe for each key pair, whether NULL matches NULL
 * @param residual a {@link io.sluice.plan.expr.JoinCondition}, or null for none
 * @param rowType the output row: left columns, then right columns unless SEMI or ANTI
 */
public record JoinNode(PlanNode left, PlanNode right, JoinKind kind, List<Integer> leftKeys,
    List<Integer> rightKeys, List<DataType> keyTypes, List<Boolean> nullSafe,
    GeneratedCode residual, RowType rowType) implements PlanNode {
  public JoinNode {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(kind, "kind");
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    keyTypes = List.copyOf(keyTypes);
    nullSafe = List.copyOf(nullSafe);
    if (leftKeys.size() != rightKeys.size() || leftKeys.size() != nullSafe.size()
        || leftKeys.size() != keyTypes.size()) {
      throw new IllegalArgumentException("join keys must pair up");
    }
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  /**
   * Each side's rows: key = that side's join keys, then the whole row; value = [count, matches]
   * where matches counts the other side's rows that join with it (for outer, semi and anti
   * joins).
   */
  @Override
  public List<StateTableDecl> stateTables() {
    return List.of(sideState("left", left.rowType()), sideState("right", right.rowType()));
  }

  private StateTableDecl sideState(String name, RowType side) {
    List<StateTableDecl.KeyColumn> key = new ArrayList<>();
    for (DataType t : keyTypes) {
      key.add(StateTableDecl.KeyColumn.of(t.withNullable(true)));
    }
    for (int i = 0; i < side.size(); i++) {
      key.add(StateTableDecl.KeyColumn.of(side.type(i)));
    }
    return new StateTableDecl(name, key, List.of(DataType.of(TypeKind.BIGINT),
        DataType.of(TypeKind.BIGINT)));
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitJoin(this);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder(leftKeys.isEmpty() ? "NestedLoopJoin(" : "HashJoin(");
    sb.append("kind=").append(kind);
    if (!leftKeys.isEmpty()) {
      sb.append(", keys=");
      for (int i = 0; i < leftKeys.size(); i++) {
        sb.append(i == 0 ? "" : " AND ").append("$").append(leftKeys.get(i))
            .append(nullSafe.get(i) ? " IS NOT DISTINCT FROM " : " = ")
            .append("$").append(rightKeys.get(i));
      }
    }
    if (residual != null) {
      sb.append(", condition=").append(residual.description());
    }
    return sb.append(')').toString();
  }
}
