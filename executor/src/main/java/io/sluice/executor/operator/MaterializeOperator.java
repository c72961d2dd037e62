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
  private long rowDelta;

  /** @param tableName the name of the state table the view's rows are kept in */
  public MaterializeOperator(String tableName) {
    this.tableName = tableName;
  }

  @Override
  public void open(OperatorContext context) {
    this.rows = context.stateTable(tableName);
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      Object[] row = chunk.row(i);
      long weight = chunk.weight(i);
      Object[] current = rows.get(row);
      long count = (current == null ? 0 : (Long) current[0]) + weight;
      if (count == 0) {
        rows.delete(row);
      } else {
        rows.put(row, new Object[] {count});
      }
      rowDelta += weight;
    }
  }

  /** How the view's row count (counting copies) changed since the last call. */
  public long takeRowDelta() {
    long d = rowDelta;
    rowDelta = 0;
    return d;
  }
}
