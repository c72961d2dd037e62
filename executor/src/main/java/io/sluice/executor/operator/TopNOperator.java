package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.data.RowKey;
import io.sluice.plan.node.SortKey;
import io.sluice.storage.state.StateCursor;
import io.sluice.storage.state.StateTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ORDER BY ... OFFSET m LIMIT n over changes. Every row is kept in state in sort order; at a
 * barrier after changes the operator reads the ranks {@code m+1 .. m+n} afresh and emits the
 * difference from what it emitted before. Rows tying on the sort keys are ranked by their whole
 * value, so the result does not depend on arrival order.
 */
public final class TopNOperator implements Operator {
  private final SortKey[] sortKeys;
  private final long offset;
  private final long limit;
  private StateTable rows;
  private OperatorContext context;
  private Map<RowKey, Long> emitted;
  private boolean dirty;

  public TopNOperator(List<SortKey> sortKeys, long offset, long limit) {
    this.sortKeys = sortKeys.toArray(new SortKey[0]);
    this.offset = offset;
    this.limit = limit;
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.rows = context.stateTable("rows");
    this.emitted = currentTop();
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      Object[] row = chunk.row(i);
      Object[] key = new Object[sortKeys.length + row.length];
      for (int k = 0; k < sortKeys.length; k++) {
        key[k] = row[sortKeys[k].field()];
      }
      System.arraycopy(row, 0, key, sortKeys.length, row.length);
      Object[] current = rows.get(key);
      long count = (current == null ? 0 : (Long) current[0]) + chunk.weight(i);
      if (count == 0) {
        rows.delete(key);
      } else {
        rows.put(key, new Object[] {count});
      }
      dirty = true;
    }
  }

  @Override
  public void onBarrier(Barrier barrier) {
    if (!dirty) {
      return;
    }
    dirty = false;
    Map<RowKey, Long> top = currentTop();
    ChunkBuilder out = new ChunkBuilder();
    for (Map.Entry<RowKey, Long> e : emitted.entrySet()) {
      long now = top.getOrDefault(e.getKey(), 0L);
      out.add(e.getKey().values(), now - e.getValue());
    }
    for (Map.Entry<RowKey, Long> e : top.entrySet()) {
      if (!emitted.containsKey(e.getKey())) {
        out.add(e.getKey().values(), e.getValue());
      }
    }
    emitted = top;
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }

  /** The rows ranked after the offset, up to the limit, with their counts. */
  private Map<RowKey, Long> currentTop() {
    Map<RowKey, Long> top = new HashMap<>();
    long skip = offset;
    long take = limit < 0 ? Long.MAX_VALUE : limit;
    try (StateCursor c = rows.scan(new Object[0], 0)) {
      while (take > 0 && c.next()) {
        long count = (Long) c.value()[0];
        long skipped = Math.min(skip, count);
        skip -= skipped;
        long kept = Math.min(count - skipped, take);
        if (kept > 0) {
          Object[] key = c.key();
          Object[] row = new Object[key.length - sortKeys.length];
          System.arraycopy(key, sortKeys.length, row, 0, row.length);
          top.merge(new RowKey(row), kept, Long::sum);
          take -= kept;
        }
      }
    }
    return top;
  }
}
