package io.sluice.plan.expr;

/**
 * A filter and projection over one row: returns the output row, or null when the row does not
 * pass the filter. Implementations are stateless and thread-safe.
 */
public interface RowProgram {
  /**
   * Applies the program.
   *
   * @param context the query's data context
   * @param row the input row (not changed)
   * @return a new output row, or null if filtered out
   */
  Object[] apply(Object context, Object[] row);
}
