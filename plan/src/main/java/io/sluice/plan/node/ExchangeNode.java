package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import java.util.List;
import java.util.Objects;

/**
 * Where a continuous plan moves rows between the partitions of a dataflow. Every row goes to
 * the partition its key hashes to, so that the keyed operator above sees, in each partition,
 * every row of the keys it owns. With no key every row goes to one partition (for operators
 * that see all their input at once: a global aggregate, a top-N, a nested-loop join).
 *
 * <p>Ad-hoc plans have no exchanges; the planner adds them to the plans of materialized views.
 *
 * @param keys the columns hashed, in order
 * @param keyTypes the type each key value is converted to before it is hashed (two sides of a
 *     join convert to their common type, so equal keys meet whatever their declared types)
 */
public record ExchangeNode(PlanNode input, List<Integer> keys, List<DataType> keyTypes)
    implements PlanNode {
  public ExchangeNode {
    Objects.requireNonNull(input, "input");
    keys = List.copyOf(keys);
    keyTypes = List.copyOf(keyTypes);
    if (keys.size() != keyTypes.size()) {
      throw new IllegalArgumentException("each exchange key needs its type");
    }
  }

  /** An exchange sending every row to one partition. */
  public static ExchangeNode single(PlanNode input) {
    return new ExchangeNode(input, List.of(), List.of());
  }

  /** An exchange hashing {@code keys}, each as its column's own type. */
  public static ExchangeNode hash(PlanNode input, List<Integer> keys) {
    return new ExchangeNode(input, keys,
        keys.stream().map(k -> input.rowType().type(k)).toList());
  }

  /** Whether every row goes to one partition. */
  public boolean isSingle() {
    return keys.isEmpty();
  }

  @Override
  public RowType rowType() {
    return input.rowType();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitExchange(this);
  }

  @Override
  public String describe() {
    if (isSingle()) {
      return "Exchange(single)";
    }
    StringBuilder sb = new StringBuilder("Exchange(hash=[");
    for (int i = 0; i < keys.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(keys.get(i));
    }
    return sb.append("])").toString();
  }
}
