package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.Values;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.RowKey;
import io.sluice.storage.state.StateTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink of a materialized view: keeps the view's rows in its contents table, laid out as
 * {@link ViewContents} says, so that reading the view is reading that table. It emits nothing;
 * the view's changes are what it applies.
 *
 * <p>An epoch's changes are gathered and applied at the barrier, so a row inserted and deleted
 * within one epoch costs nothing, and the order in which an epoch's changes arrive (from
 * several upstream partitions, say) does not matter.
 *
 * <ul>
 *   <li><b>Keyed</b> (the planner proved a unique key): changes are gathered per key. At the
 *       barrier a key holds at most one row with net +1 (its new version) and one with net -1
 *       (its old one): the first is written and the second deleted, blind, without reading the
 *       table. Anything else contradicts the key and fails the view with an internal error.
 *   <li><b>Counted</b>: changes are summed per row (SQL equality, as the key encoding compares)
 *       and the net change is added to the stored count.
 * </ul>
 */
public final class MaterializeOperator implements Operator {
  private final String tableName;
  private final ViewContents layout;
  /** Counted layout: the epoch's net weight per row. */
  private final Map<RowKey, long[]> pendingRows = new HashMap<>();
  /** Keyed layout: the epoch's changes per key. */
  private final Map<RowKey, Versions> pendingKeys = new HashMap<>();
  /**
   * The same, in the order the keys first arrived: the barrier walks this list rather than
   * the map, so it reads the rows about in the order they were made (and allocated), not in
   * hash order, which missed the cache on nearly every row of a large epoch.
   */
  private final List<Versions> arrivalOrder = new ArrayList<>();
  private StateTable rows;
  private long rowDelta;

  /**
   * The versions of one key's row seen in an epoch, each with its net weight; almost always
   * one, or two (an old one retracted, a new one inserted). The first is kept inline.
   */
  private static final class Versions {
    final RowKey key;
    final Object[] first;
    long firstWeight;
    Object[][] others;
    long[] otherWeights;
    int otherCount;

    Versions(RowKey key, Object[] row, long weight) {
      this.key = key;
      first = row;
      firstWeight = weight;
    }

    void add(Object[] row, long weight) {
      if (Values.identicalRows(first, row)) {
        firstWeight += weight;
        return;
      }
      for (int i = 0; i < otherCount; i++) {
        if (Values.identicalRows(others[i], row)) {
          otherWeights[i] += weight;
          return;
        }
      }
      if (others == null) {
        others = new Object[2][];
        otherWeights = new long[2];
      } else if (otherCount == others.length) {
        others = Arrays.copyOf(others, otherCount * 2);
        otherWeights = Arrays.copyOf(otherWeights, otherCount * 2);
      }
      others[otherCount] = row;
      otherWeights[otherCount++] = weight;
    }

    int size() {
      return 1 + otherCount;
    }

    Object[] row(int i) {
      return i == 0 ? first : others[i - 1];
    }

    long weight(int i) {
      return i == 0 ? firstWeight : otherWeights[i - 1];
    }
  }

  /**
   * @param tableName the name of the state table the view's rows are kept in
   * @param layout how rows are laid out in that table
   */
  public MaterializeOperator(String tableName, ViewContents layout) {
    this.tableName = tableName;
    this.layout = layout;
  }

  @Override
  public void open(OperatorContext context) {
    this.rows = context.stateTable(tableName);
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    boolean keyed = layout.keyed();
    for (int i = 0; i < chunk.size(); i++) {
      long weight = chunk.weight(i);
      Object[] row = chunk.row(i);
      rowDelta += weight;
      if (keyed) {
        RowKey key = new RowKey(layout.key(row));
        Versions v = pendingKeys.get(key);
        if (v == null) {
          v = new Versions(key, row, weight);
          pendingKeys.put(key, v);
          arrivalOrder.add(v);
        } else {
          v.add(row, weight);
        }
        continue;
      }
      RowKey key = new RowKey(row);
      long[] sum = pendingRows.get(key);
      if (sum == null) {
        pendingRows.put(key, new long[] {weight});
      } else {
        sum[0] += weight;
      }
    }
  }

  @Override
  public void onBarrier(Barrier barrier) {
    if (layout.keyed()) {
      applyKeyed();
    } else {
      applyCounted();
    }
  }

  private void applyKeyed() {
    for (Versions v : arrivalOrder) {
      Object[] inserted = null;
      boolean deleted = false;
      for (int i = 0; i < v.size(); i++) {
        long w = v.weight(i);
        if (w == 1 && inserted == null) {
          inserted = v.row(i);
        } else if (w == -1 && !deleted) {
          deleted = true;
        } else if (w != 0) {
          throw SluiceException.internal("a view keyed on its unique key changed the rows of "
              + "key " + v.key + " by " + describe(v) + " in one epoch", null);
        }
      }
      if (inserted != null) {
        rows.put(v.key.values(), layout.value(inserted));
      } else if (deleted) {
        rows.delete(v.key.values());
      }
    }
    pendingKeys.clear();
    arrivalOrder.clear();
  }

  private void applyCounted() {
    for (Map.Entry<RowKey, long[]> e : pendingRows.entrySet()) {
      long net = e.getValue()[0];
      if (net == 0) {
        continue;
      }
      Object[] row = e.getKey().values();
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
    pendingRows.clear();
  }

  private static String describe(Versions v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(v.weight(i) > 0 ? "+" : "").append(v.weight(i))
          .append(' ').append(Arrays.toString(v.row(i)));
    }
    return sb.toString();
  }

  /** How the view's row count (counting copies) changed since the last call. */
  public long takeRowDelta() {
    long d = rowDelta;
    rowDelta = 0;
    return d;
  }
}
