package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * One window function call.
 *
 * @param kind the function
 * @param args argument positions: in the input row, or from the input's width on, in the
 *     window's constants
 * @param type the result type
 * @param name the output column name
 */
public record WindowCall(Kind kind, List<Integer> args, DataType type, String name) {
  /** The window functions the executor computes. */
  public enum Kind {
    ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE,
    LAST_VALUE, NTH_VALUE, COUNT, SUM, SUM0, MIN, MAX, AVG;

    /** Whether the function reads the frame (the others read the partition and the order). */
    public boolean readsFrame() {
      return this == FIRST_VALUE || this == LAST_VALUE || this == NTH_VALUE || this == COUNT
          || this == SUM || this == SUM0 || this == MIN || this == MAX || this == AVG;
    }
  }

  public WindowCall {
    Objects.requireNonNull(kind, "kind");
    args = List.copyOf(args);
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.name()).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(args.get(i));
    }
    return sb.append(')').toString();
  }
}
