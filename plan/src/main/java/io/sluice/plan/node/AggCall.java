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
 */
public record AggCall(AggKind kind, List<Integer> args, boolean distinct, int filterArg,
    Object literal, DataType type, String name) {
  public AggCall {
    Objects.requireNonNull(kind, "kind");
    args = List.copyOf(args);
    Objects.requireNonNull(type, "type");
    if (kind == AggKind.LITERAL ? !args.isEmpty()
        : kind != AggKind.COUNT && args.size() != 1) {
      throw new IllegalArgumentException(kind + " takes one argument");
    }
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
    sb.append(')');
    if (filterArg >= 0) {
      sb.append(" FILTER $").append(filterArg);
    }
    return sb.toString();
  }
}
