package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;
import io.sluice.storage.state.StateTable;

/**
 * The sink of a materialized view: keeps the view's rows as a multiset in its state table
 * (key: the row; value: [count]), so that reading the view is reading that table. It emits
 * nothing; the view's changes are what it applies.
 */
public final class MaterializeOperator implements Operator {
  private final String tableName;
  private StateTable rows;
  private long rowCount;

  /** @param tableName the name of the state table the view's rows are kept in */
  public MaterializeOperator(String tableName) {
    this.tableName = tableName;
  }

  @Override
  public void open(OperatorContext context) {
    this.rows = context.stateTable(tableName);
    this.rowCount = -1;
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      Object[] row = chunk.row(i);
      Object[] current = rows.get(row);
      long count = (current == null ? 0 : (Long) current[0]) + chunk.weight(i);
      if (count == 0) {
        rows.delete(row);
      } else {
        rows.put(row, new Object[] {count});
      }
      if (rowCount >= 0) {
        rowCount += chunk.weight(i);
      }
    }
  }

  /** The number of rows in the view (counting copies), computed once and then maintained. */
  public long rowCount() {
    if (rowCount < 0) {
      long n = 0;
      try (var c = rows.scan(new Object[0], 0)) {
        while (c.next()) {
          n += (Long) c.value()[0];
        }
      }
      rowCount = n;
    }
    return rowCount;
  }
}
