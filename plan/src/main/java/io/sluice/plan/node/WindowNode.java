package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Window functions ({@code f(...) OVER (PARTITION BY ... ORDER BY ... frame)}) that share one
 * window: each input row comes out with one more column per call. A partition's rows are
 * ordered by the window's order, then by their whole value, so ties are broken the same way
 * every time and the results are deterministic.
 *
 * <p>State {@code rows}: key = the partition keys, the order keys (in their direction), then the
 * whole row; value = [count]. When a partition changes, its rows are read in that order before
 * and after the change and the difference between the two results is emitted.
 *
 * @param partitionKeys input columns that divide the rows into partitions
 * @param order the order within a partition
 * @param frame the rows an aggregate of a row sees, relative to the row
 * @param calls the functions, one output column each, after the input's columns
 * @param constants values that arguments at positions from the input's width on refer to
 */
public record WindowNode(PlanNode input, List<Integer> partitionKeys, List<SortKey> order,
    WindowFrame frame, List<WindowCall> calls, List<Object> constants, RowType rowType)
    implements PlanNode {
  private static final DataType COUNT = new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0,
      false);

  public WindowNode {
    Objects.requireNonNull(input, "input");
    partitionKeys = List.copyOf(partitionKeys);
    order = List.copyOf(order);
    Objects.requireNonNull(frame, "frame");
    calls = List.copyOf(calls);
    constants = java.util.Collections.unmodifiableList(new ArrayList<>(constants));
    if (rowType.size() != input.rowType().size() + calls.size()) {
      throw new IllegalArgumentException("a window's row type is its input's, then the calls'");
    }
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public List<StateTableDecl> stateTables() {
    RowType in = input.rowType();
    List<StateTableDecl.KeyColumn> key = new ArrayList<>();
    for (int k : partitionKeys) {
      key.add(StateTableDecl.KeyColumn.of(in.type(k)));
    }
    key.addAll(StateTableDecl.orderedRows(in, order));
    return List.of(new StateTableDecl("rows", key, List.of(COUNT)));
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitWindow(this);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Window(partition=[");
    for (int i = 0; i < partitionKeys.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(partitionKeys.get(i));
    }
    sb.append("], order=").append(order).append(", ").append(frame).append(", calls=")
        .append(calls);
    if (!constants.isEmpty()) {
      sb.append(", constants=").append(constants);
    }
    return sb.append(')').toString();
  }
}
