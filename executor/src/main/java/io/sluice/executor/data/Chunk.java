package io.sluice.executor.data;

import java.util.Arrays;

/**
 * A batch of changes: rows, each with a weight (+n inserts n copies, -n deletes n). Immutable
 * once built: receivers must not change it or its rows.
 */
public final class Chunk {
  /** A chunk with no changes. */
  public static final Chunk EMPTY = new Chunk(new Object[0][], new long[0], 0);

  private final Object[][] rows;
  private final long[] weights;
  private final int size;

  Chunk(Object[][] rows, long[] weights, int size) {
    this.rows = rows;
    this.weights = weights;
    this.size = size;
  }

  /** A chunk of one change. */
  public static Chunk of(Object[] row, long weight) {
    return new Chunk(new Object[][] {row}, new long[] {weight}, 1);
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The row of change {@code i}. */
  public Object[] row(int i) {
    return rows[i];
  }

  /** The weight of change {@code i}. */
  public long weight(int i) {
    return weights[i];
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Chunk[");
    for (int i = 0; i < size; i++) {
      sb.append(i == 0 ? "" : ", ").append(weights[i] > 0 ? "+" : "").append(weights[i])
          .append(Arrays.toString(rows[i]));
    }
    return sb.append(']').toString();
  }
}
