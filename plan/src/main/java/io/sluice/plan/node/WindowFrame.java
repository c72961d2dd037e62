package io.sluice.plan.node;

import java.util.Objects;

/**
 * The rows of its partition that a window aggregate sees for a row: from {@code lower} to
 * {@code upper}, counted in rows ({@code ROWS}) or in peers, the rows equal on the window's
 * order ({@code RANGE} without offsets: CURRENT ROW is the first or last of the row's peers).
 */
public record WindowFrame(boolean rows, Bound lower, Bound upper) {
  public WindowFrame {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (!rows && (lower.offset() != 0 || upper.offset() != 0)) {
      throw new IllegalArgumentException("RANGE frames have no offsets here");
    }
  }

  /** Where a frame starts or ends. */
  public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING,
      UNBOUNDED_FOLLOWING }

  /** A frame bound; {@code offset} rows for PRECEDING and FOLLOWING. */
  public record Bound(BoundKind kind, long offset) {
    public Bound {
      Objects.requireNonNull(kind, "kind");
      if (offset < 0) {
        throw new IllegalArgumentException("negative frame offset");
      }
    }

    @Override
    public String toString() {
      return switch (kind) {
        case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
        case PRECEDING -> offset + " PRECEDING";
        case CURRENT_ROW -> "CURRENT ROW";
        case FOLLOWING -> offset + " FOLLOWING";
        case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
      };
    }
  }

  @Override
  public String toString() {
    return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower + " AND " + upper;
  }
}
