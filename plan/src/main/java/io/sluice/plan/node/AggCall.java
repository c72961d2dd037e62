package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * One aggregate function call.
 *
 * @param kind the function
 * @param args argument positions in the input row (none for COUNT(*))
 * @param distinct whether duplicates of the argument are ignored
 * @param filterArg position of a BOOLEAN input column that must be TRUE for a row to count
 *     (FILTER (WHERE ...)), or -1
 * @param literal for {@link AggKind#LITERAL}, the internal value it returns; else null
 * @param type the result type
 * @param name the output column name
 * @param order the order the function sees its values in, on input columns ({@code
 *     STRING_AGG(v, ',' ORDER BY k)}); empty when the function ignores order or none is given
 */
public record AggCall(AggKind kind, List<Integer> args, boolean distinct, int filterArg,
    Object literal, DataType type, String name, List<SortKey> order) {
  public AggCall {
    Objects.requireNonNull(kind, "kind");
    args = List.copyOf(args);
    Objects.requireNonNull(type, "type");
    order = List.copyOf(order);
    if (kind == AggKind.STRING_AGG ? args.isEmpty() || args.size() > 2
        : kind == AggKind.LITERAL ? !args.isEmpty()
        : kind != AggKind.COUNT && args.size() != 1) {
      throw new IllegalArgumentException(kind + " takes "
          + (kind == AggKind.STRING_AGG ? "a value and an optional separator" : "one argument"));
    }
    if (!order.isEmpty() && kind != AggKind.STRING_AGG) {
      throw new IllegalArgumentException(kind + " does not depend on the order of its values");
    }
  }

  /** A call whose result does not depend on the order of its values. */
  public AggCall(AggKind kind, List<Integer> args, boolean distinct, int filterArg,
      Object literal, DataType type, String name) {
    this(kind, args, distinct, filterArg, literal, type, name, List.of());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.name()).append('(');
    if (distinct) {
      sb.append("DISTINCT ");
    }
    if (kind == AggKind.LITERAL) {
      sb.append(literal);
    } else if (args.isEmpty()) {
      sb.append('*');
    }
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(args.get(i));
    }
    if (!order.isEmpty()) {
      sb.append(" ORDER BY ");
      for (int i = 0; i < order.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(order.get(i));
      }
    }
    sb.append(')');
    if (filterArg >= 0) {
      sb.append(" FILTER $").append(filterArg);
    }
    return sb.toString();
  }
}
