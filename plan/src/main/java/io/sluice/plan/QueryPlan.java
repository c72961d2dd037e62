package io.sluice.plan;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SortKey;
import java.util.List;
import java.util.Objects;

/**
 * A planned query. The operator tree may carry more columns than the result shows (a column
 * that only ORDER BY uses, say): the result is the tree's rows, put in {@code order}, then cut to
 * {@code outputFields}.
 *
 * @param root the operator tree
 * @param rowType the result columns as the user sees them (names from the SELECT list)
 * @param order the order to present a finite result in, on the tree's columns; empty for none
 *     (the rows of a continuous result are changes and have none)
 * @param outputFields for each result column, its position in the tree's rows
 * @param parameterTypes the types of the {@code ?} parameters, in order
 * @param uniqueKey positions of the tree's columns that the planner proved a unique key of its
 *     rows (so no row occurs twice); empty when none is known. Only continuous plans look for
 *     one.
 */
public record QueryPlan(PlanNode root, RowType rowType, List<SortKey> order,
    List<Integer> outputFields, List<DataType> parameterTypes, List<Integer> uniqueKey) {
  /** A plan with no unique key known. */
  public QueryPlan(PlanNode root, RowType rowType, List<SortKey> order,
      List<Integer> outputFields, List<DataType> parameterTypes) {
    this(root, rowType, order, outputFields, parameterTypes, List.of());
  }

  public QueryPlan {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(rowType, "rowType");
    order = List.copyOf(order);
    outputFields = List.copyOf(outputFields);
    parameterTypes = List.copyOf(parameterTypes);
    uniqueKey = List.copyOf(uniqueKey);
    if (rowType.size() != outputFields.size()) {
      throw new IllegalArgumentException("one output field per result column");
    }
    for (int f : outputFields) {
      if (f < 0 || f >= root.rowType().size()) {
        throw new IllegalArgumentException("output field " + f + " is not a column of the plan");
      }
    }
  }

  /** Whether the planner proved that the tree never yields the same row twice. */
  public boolean distinctRows() {
    return !uniqueKey.isEmpty();
  }

  /** Whether the result is the tree's rows unchanged (no columns dropped or moved). */
  public boolean outputIsIdentity() {
    if (outputFields.size() != root.rowType().size()) {
      return false;
    }
    for (int i = 0; i < outputFields.size(); i++) {
      if (outputFields.get(i) != i) {
        return false;
      }
    }
    return true;
  }
}
