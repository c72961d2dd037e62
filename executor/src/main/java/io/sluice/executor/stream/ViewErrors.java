package io.sluice.executor.stream;

import io.sluice.common.error.SluiceException;
import io.sluice.executor.operator.DataErrors;
import io.sluice.storage.state.StateTable;

/**
 * A materialized view's data errors, kept in a state table of its own ({@link
 * ViewStateLayout#errorsSpec}; key: SQLSTATE and message; value: [count]), so they commit
 * with the epoch that raised them, survive restarts, and are read with the view's contents.
 */
final class ViewErrors implements DataErrors {
  private final StateTable table;

  ViewErrors(StateTable table) {
    this.table = table;
  }

  @Override
  public synchronized void add(SluiceException error, long weight) {
    Object[] key = {error.sqlState(), error.getMessage()};
    Object[] current = table.get(key);
    long count = (current == null ? 0 : (Long) current[0]) + weight;
    if (count == 0) {
      table.delete(key);
    } else {
      table.put(key, new Object[] {count});
    }
  }
}
