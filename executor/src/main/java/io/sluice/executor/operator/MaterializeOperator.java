package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.RowKey;
import io.sluice.storage.state.StateTable;
import java.util.HashMap;
import java.util.Map;

/**
 * The sink of a materialized view: keeps the view's rows as a multiset in its state table
 * (key: the row; value: [count]), so that reading the view is reading that table. It emits
 * nothing; the view's changes are what it applies.
 *
 * <p>An epoch's changes are summed per row (SQL equality, as the state table's key encoding
 * compares) and applied at the barrier, so a row inserted and deleted within one epoch costs
 * nothing, and the order in which an epoch's changes arrive (from several upstream partitions,
 * say) does not matter. When the planner proved the view's rows distinct (a unique key among
 * its columns) a row's count is 0 or 1 at every epoch's end, so its net change of +1 or -1
 * says what to write without reading the stored count: the sink never reads RocksDB.
 */
public final class MaterializeOperator implements Operator {
  private final String tableName;
  private final boolean distinctRows;
  private final Map<RowKey, long[]> pending = new HashMap<>();
  private StateTable rows;
  private long rowDelta;

  /**
   * @param tableName the name of the state table the view's rows are kept in
   * @param distinctRows whether the planner proved that the view never holds a row twice
   */
  public MaterializeOperator(String tableName, boolean distinctRows) {
    this.tableName = tableName;
    this.distinctRows = distinctRows;
  }

  @Override
  public void open(OperatorContext context) {
    this.rows = context.stateTable(tableName);
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      long weight = chunk.weight(i);
      RowKey key = new RowKey(chunk.row(i));
      long[] sum = pending.get(key);
      if (sum == null) {
        pending.put(key, new long[] {weight});
      } else {
        sum[0] += weight;
      }
      rowDelta += weight;
    }
  }

  @Override
  public void onBarrier(Barrier barrier) {
    for (Map.Entry<RowKey, long[]> e : pending.entrySet()) {
      long net = e.getValue()[0];
      if (net == 0) {
        continue;
      }
      Object[] row = e.getKey().values();
      if (distinctRows) {
        if (net == 1) {
          rows.put(row, new Object[] {1L});
        } else if (net == -1) {
          rows.delete(row);
        } else {
          throw SluiceException.internal("a view whose rows were proven distinct changed a row's"
              + " count by " + net + " in one epoch: " + e.getKey(), null);
        }
        continue;
      }
      Object[] current = rows.get(row);
      long count = (current == null ? 0 : (Long) current[0]) + net;
      if (count == 0) {
        rows.delete(row);
      } else if (count < 0) {
        throw SluiceException.internal("a view row's count fell to " + count + ": "
            + e.getKey(), null);
      } else {
        rows.put(row, new Object[] {count});
      }
    }
    pending.clear();
  }

  /** How the view's row count (counting copies) changed since the last call. */
  public long takeRowDelta() {
    long d = rowDelta;
    rowDelta = 0;
    return d;
  }
}
