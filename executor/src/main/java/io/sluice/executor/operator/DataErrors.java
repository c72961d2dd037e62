package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;

/**
 * Where a materialized view keeps the errors its expressions raise on particular rows (a data
 * exception, SQLSTATE class 22: division by zero, a value out of range, a bad cast). Such an
 * error is kept like a row, with the weight of the change that raised it: a row inserted adds
 * it, the same row deleted takes it away again (evaluating the same expression on the same row
 * raises the same error). Reading the view fails while any is there; the view itself goes on.
 * Implementations are thread-safe: the partitions of a dataflow report concurrently.
 */
public interface DataErrors {
  /** Whether an error belongs to the class kept as data (SQLSTATE class 22). */
  static boolean isDataError(SluiceException e) {
    return e.sqlState() != null && e.sqlState().startsWith("22");
  }

  /** Adds {@code weight} occurrences of the error (negative: occurrences go away). */
  void add(SluiceException error, long weight);
}
