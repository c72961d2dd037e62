package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * GROUP BY: one output row per group, the group key columns then one column per call. With no
 * group keys there is exactly one output row, even over no input.
 *
 * <p>State (derived from the node, see {@link #stateTables()}):
 * <ul>
 *   <li>{@code groups}: key = the group key; value = the number of input rows, then each call's
 *       accumulator ({@link #accumulatorTypes(AggCall)}).
 *   <li>{@code values<i>} for MIN, MAX, ANY_VALUE and SINGLE_VALUE call {@code i}: key = group
 *       key then the argument; value = [count], so that deleting the current extreme finds the
 *       next one. For STRING_AGG: key = group key, the columns of the call's order, the value,
 *       then the separator, if it has one; value = [count].
 *   <li>{@code distinct<i>} for a DISTINCT call {@code i}: key = group key then the arguments;
 *       value = [count]; the call sees a value only when its count moves between 0 and 1.
 * </ul>
 */
public record AggregateNode(PlanNode input, List<Integer> groupKeys, List<AggCall> calls,
    RowType rowType) implements PlanNode {
  private static final DataType COUNT = new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0,
      false);

  public AggregateNode {
    Objects.requireNonNull(input, "input");
    groupKeys = List.copyOf(groupKeys);
    calls = List.copyOf(calls);
    if (rowType.size() != groupKeys.size() + calls.size()) {
      throw new IllegalArgumentException("aggregate row type must have keys then calls");
    }
  }

  /**
   * The exact sum of a SUM over REAL or DOUBLE values: a DECIMAL as its type says, but the state
   * codecs store any BigDecimal exactly, whatever its precision and scale (every finite double
   * is one), so the sum does not depend on the order the values came and went in.
   */
  private static final DataType EXACT_SUM = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0);

  /**
   * The accumulator columns of a call in the {@code groups} state: COUNT keeps [count]; SUM and
   * SUM0 keep [sum, non-null count], and over REAL or DOUBLE [exact sum of the finite values,
   * non-null count, +Infinity count, -Infinity count, NaN count] (a running sum of doubles from
   * which values are also subtracted drifts away from the sum computed afresh); MIN, MAX,
   * ANY_VALUE, SINGLE_VALUE and STRING_AGG keep [current result, value count]; BOOL_AND and
   * BOOL_OR keep [true count, false count].
   */
  public static List<DataType> accumulatorTypes(AggCall call) {
    switch (call.kind()) {
      case COUNT:
        return List.of(COUNT);
      case SUM:
      case SUM0:
        if (call.type().kind() == TypeKind.DOUBLE || call.type().kind() == TypeKind.REAL) {
          return List.of(EXACT_SUM, COUNT, COUNT, COUNT, COUNT);
        }
        return List.of(call.type().withNullable(true), COUNT);
      case MIN:
      case MAX:
      case ANY_VALUE:
      case SINGLE_VALUE:
      case STRING_AGG:
        return List.of(call.type().withNullable(true), COUNT);
      case BOOL_AND:
      case BOOL_OR:
        return List.of(COUNT, COUNT);
      case LITERAL:
        return List.of();
      default:
        throw new IllegalArgumentException("no accumulator for " + call.kind());
    }
  }

  /**
   * The input columns that follow the group key in the key of a {@code values<i>} state table:
   * the argument, or for STRING_AGG the order's columns, the value and the separator.
   */
  public static List<Integer> valueKey(AggCall call) {
    if (call.kind() != AggKind.STRING_AGG) {
      return List.of(call.args().get(0));
    }
    List<Integer> fields = new ArrayList<>();
    for (SortKey k : call.order()) {
      fields.add(k.field());
    }
    fields.addAll(call.args());
    return fields;
  }

  /** Whether call {@code i} needs a {@code distinct<i>} state table. */
  public static boolean needsDistinctState(AggCall call) {
    return call.distinct() && !call.kind().keepsValues() && call.kind() != AggKind.BOOL_AND
        && call.kind() != AggKind.BOOL_OR;
  }

  @Override
  public List<StateTableDecl> stateTables() {
    RowType in = input.rowType();
    List<StateTableDecl.KeyColumn> groupKey = new ArrayList<>();
    for (int k : groupKeys) {
      groupKey.add(StateTableDecl.KeyColumn.of(in.type(k)));
    }
    List<DataType> groupValue = new ArrayList<>();
    groupValue.add(COUNT);
    for (AggCall c : calls) {
      groupValue.addAll(accumulatorTypes(c));
    }
    List<StateTableDecl> out = new ArrayList<>();
    out.add(new StateTableDecl("groups", groupKey, groupValue));
    for (int i = 0; i < calls.size(); i++) {
      AggCall c = calls.get(i);
      if (c.kind().keepsValues()) {
        List<StateTableDecl.KeyColumn> key = new ArrayList<>(groupKey);
        for (int f : valueKey(c)) {
          key.add(StateTableDecl.KeyColumn.of(in.type(f)));
        }
        out.add(new StateTableDecl("values" + i, key, List.of(COUNT)));
      } else if (needsDistinctState(c)) {
        List<StateTableDecl.KeyColumn> key = new ArrayList<>(groupKey);
        for (int a : c.args()) {
          key.add(StateTableDecl.KeyColumn.of(in.type(a)));
        }
        out.add(new StateTableDecl("distinct" + i, key, List.of(COUNT)));
      }
    }
    return out;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitAggregate(this);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Aggregate(group=[");
    for (int i = 0; i < groupKeys.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(groupKeys.get(i));
    }
    sb.append("]");
    if (!calls.isEmpty()) {
      sb.append(", calls=").append(calls);
    }
    return sb.append(')').toString();
  }
}
