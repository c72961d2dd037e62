package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.Values;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.data.RowKey;
import io.sluice.plan.node.AggCall;
import io.sluice.plan.node.AggKind;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.SortKey;
import io.sluice.storage.state.StateCursor;
import io.sluice.storage.state.StateTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GROUP BY with incremental, retractable aggregates. Changes update the groups they touch in
 * memory for the epoch; at the barrier each touched group emits its old output row as a
 * retraction and its new one as an insertion (nothing when they are equal) and is written back
 * to state. Without group keys there is always exactly one group, emitted at the first barrier
 * even over empty input.
 */
public final class AggregateOperator implements Operator {
  private final int[] groupKeys;
  private final AggCall[] calls;
  private final int[] accOffset;
  private final int accWidth;
  private final boolean global;
  private StateTable groups;
  private final StateTable[] valueTables;
  /** Per call that keeps its values, the input columns after the group key in their keys. */
  private final int[][] valueFields;
  private final StateTable[] distinctTables;
  private OperatorContext context;
  private final Map<RowKey, Group> touched = new LinkedHashMap<>();
  private boolean globalEmitted;

  /** A group touched in the current epoch. */
  private static final class Group {
    final Object[] key;
    final Object[] acc;
    final Object[] oldOutput;
    final boolean[] valuesDirty;
    /**
     * Per call, whether its result must be found again by a scan of its values at the barrier;
     * else (MIN and MAX) the accumulator already holds it (see {@link #trackExtreme}).
     */
    final boolean[] rescan;

    Group(Object[] key, Object[] acc, Object[] oldOutput, int calls) {
      this.key = key;
      this.acc = acc;
      this.oldOutput = oldOutput;
      this.valuesDirty = new boolean[calls];
      this.rescan = new boolean[calls];
    }
  }

  public AggregateOperator(List<Integer> groupKeys, List<AggCall> calls) {
    this.groupKeys = groupKeys.stream().mapToInt(Integer::intValue).toArray();
    this.calls = calls.toArray(new AggCall[0]);
    this.accOffset = new int[this.calls.length];
    int offset = 1;
    for (int i = 0; i < this.calls.length; i++) {
      accOffset[i] = offset;
      offset += AggregateNode.accumulatorTypes(this.calls[i]).size();
    }
    this.accWidth = offset;
    this.global = this.groupKeys.length == 0;
    this.valueTables = new StateTable[this.calls.length];
    this.valueFields = new int[this.calls.length][];
    for (int i = 0; i < this.calls.length; i++) {
      if (this.calls[i].kind().keepsValues()) {
        valueFields[i] = AggregateNode.valueKey(this.calls[i]).stream()
            .mapToInt(Integer::intValue).toArray();
      }
    }
    this.distinctTables = new StateTable[this.calls.length];
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.groups = context.stateTable("groups");
    this.globalEmitted = global && groups.get(new Object[0]) != null;
    for (int i = 0; i < calls.length; i++) {
      if (calls[i].kind().keepsValues()) {
        valueTables[i] = context.stateTable("values" + i);
      } else if (AggregateNode.needsDistinctState(calls[i])) {
        distinctTables[i] = context.stateTable("distinct" + i);
      }
    }
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int r = 0; r < chunk.size(); r++) {
      Object[] row = chunk.row(r);
      long weight = chunk.weight(r);
      Group g = group(row);
      g.acc[0] = (Long) g.acc[0] + weight;
      for (int i = 0; i < calls.length; i++) {
        AggCall call = calls[i];
        if (call.filterArg() >= 0 && !Boolean.TRUE.equals(row[call.filterArg()])) {
          continue;
        }
        accumulate(i, call, g, row, weight);
      }
    }
  }

  private void accumulate(int i, AggCall call, Group g, Object[] row, long weight) {
    int off = accOffset[i];
    switch (call.kind()) {
      case COUNT: {
        for (int a : call.args()) {
          if (row[a] == null) {
            return;
          }
        }
        long delta = call.distinct() ? distinctDelta(i, g.key, row, weight) : weight;
        AggregateFunctions.count(g.acc, off, delta);
        break;
      }
      case SUM:
      case SUM0: {
        Object v = row[call.args().get(0)];
        if (v == null) {
          return;
        }
        long delta = call.distinct() ? distinctDelta(i, g.key, row, weight) : weight;
        if (delta != 0) {
          AggregateFunctions.sum(call, g.acc, off, v, delta);
        }
        break;
      }
      case BOOL_AND:
      case BOOL_OR: {
        Object v = row[call.args().get(0)];
        if (v != null) {
          AggregateFunctions.bool(g.acc, off, (Boolean) v, weight);
        }
        break;
      }
      case MIN:
      case MAX:
      case ANY_VALUE:
      case SINGLE_VALUE:
      case STRING_AGG: {
        Object v = row[call.args().get(0)];
        if (v == null && call.kind() != AggKind.SINGLE_VALUE) {
          return;
        }
        Object[] key = valueKey(i, g.key, row);
        Object[] current = valueTables[i].get(key);
        long count = (current == null ? 0 : (Long) current[0]) + weight;
        if (count == 0) {
          valueTables[i].delete(key);
        } else {
          valueTables[i].put(key, new Object[] {count});
        }
        g.acc[off + 1] = (Long) g.acc[off + 1] + weight;
        g.valuesDirty[i] = true;
        if (call.kind() == AggKind.MIN || call.kind() == AggKind.MAX) {
          trackExtreme(g, i, call.kind(), v, weight, count);
        } else {
          g.rescan[i] = true;
        }
        break;
      }
      case LITERAL:
        break;
      default:
        throw new IllegalStateException(call.kind().name());
    }
  }

  /**
   * Keeps a MIN or MAX in the accumulator as values come and go, so the barrier scans the
   * group's values only when it must: an inserted value better than the current extreme
   * becomes it; a deleted one matters only when it was the extreme and no copy of it is left
   * ({@code count}, its count after the change, is 0), and then the next one is not known
   * without a scan. Only for values whose Java order is their key order (exact numbers and
   * the date/time types, which are numbers inside): a string or a float rescans.
   */
  private void trackExtreme(Group g, int i, AggKind kind, Object v, long weight, long count) {
    if (g.rescan[i]) {
      return;
    }
    if (!(v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte || v instanceof java.math.BigDecimal)) {
      g.rescan[i] = true;
      return;
    }
    int off = accOffset[i];
    Object best = g.acc[off];
    if (weight > 0) {
      if (best == null) {
        g.acc[off] = v;
      } else {
        int c = Values.compare(v, best);
        if (kind == AggKind.MIN ? c < 0 : c > 0) {
          g.acc[off] = v;
        }
      }
    } else if (count == 0 && best != null && Values.compare(v, best) == 0) {
      g.rescan[i] = true;
    }
  }

  /** How a DISTINCT call's input changes: +1 when a value first appears, -1 when it goes. */
  private long distinctDelta(int i, Object[] groupKey, Object[] row, long weight) {
    List<Integer> args = calls[i].args();
    Object[] key = new Object[groupKey.length + args.size()];
    System.arraycopy(groupKey, 0, key, 0, groupKey.length);
    for (int a = 0; a < args.size(); a++) {
      key[groupKey.length + a] = row[args.get(a)];
    }
    Object[] current = distinctTables[i].get(key);
    long before = current == null ? 0 : (Long) current[0];
    long after = before + weight;
    if (after == 0) {
      distinctTables[i].delete(key);
    } else {
      distinctTables[i].put(key, new Object[] {after});
    }
    return before == 0 && after != 0 ? 1 : before != 0 && after == 0 ? -1 : 0;
  }

  private Group group(Object[] row) {
    Object[] key = new Object[groupKeys.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[groupKeys[i]];
    }
    return touch(key);
  }

  private Group touch(Object[] key) {
    RowKey rk = new RowKey(key);
    Group g = touched.get(rk);
    if (g == null) {
      Object[] stored = groups.get(key);
      Object[] acc;
      Object[] oldOutput = null;
      if (stored == null) {
        acc = new Object[accWidth];
        acc[0] = 0L;
        for (int i = 0; i < calls.length; i++) {
          AggregateFunctions.init(calls[i], acc, accOffset[i]);
        }
      } else {
        acc = stored.clone();
        oldOutput = output(key, stored);
      }
      g = new Group(key, acc, oldOutput, calls.length);
      touched.put(rk, g);
    }
    return g;
  }

  @Override
  public void onBarrier(Barrier barrier) {
    if (global && !globalEmitted) {
      touch(new Object[0]);
      globalEmitted = true;
    }
    if (touched.isEmpty()) {
      return;
    }
    ChunkBuilder out = new ChunkBuilder(touched.size() * 2);
    for (Group g : touched.values()) {
      refreshValues(g);
      boolean exists = global || (Long) g.acc[0] != 0;
      Object[] newOutput = exists ? output(g.key, g.acc) : null;
      if (g.oldOutput != null && newOutput != null && Values.identicalRows(g.oldOutput, newOutput)) {
        groups.put(g.key, g.acc);
        continue;
      }
      if (g.oldOutput != null) {
        out.add(g.oldOutput, -1);
      }
      if (newOutput != null) {
        out.add(newOutput, 1);
        groups.put(g.key, g.acc);
      } else {
        groups.delete(g.key);
      }
    }
    touched.clear();
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }

  /**
   * Recomputes MIN/MAX/ANY_VALUE/SINGLE_VALUE/STRING_AGG results of a group whose values
   * changed.
   */
  private void refreshValues(Group g) {
    for (int i = 0; i < calls.length; i++) {
      if (!g.valuesDirty[i]) {
        continue;
      }
      int off = accOffset[i];
      long count = (Long) g.acc[off + 1];
      AggKind kind = calls[i].kind();
      if (count == 0) {
        g.acc[off] = null;
        continue;
      }
      if (kind == AggKind.SINGLE_VALUE && count > 1) {
        throw new SluiceException(SqlState.CARDINALITY_VIOLATION,
            "more than one row returned by a subquery used as an expression");
      }
      if (!g.rescan[i]) {
        continue;
      }
      if (kind == AggKind.STRING_AGG) {
        g.acc[off] = joinValues(i, g.key);
        continue;
      }
      try (StateCursor c = kind == AggKind.MAX
          ? valueTables[i].scanDescending(g.key, g.key.length)
          : valueTables[i].scan(g.key, g.key.length)) {
        g.acc[off] = c.next() ? c.key()[g.key.length] : null;
      }
    }
  }

  private Object[] output(Object[] key, Object[] acc) {
    Object[] out = new Object[key.length + calls.length];
    System.arraycopy(key, 0, out, 0, key.length);
    for (int i = 0; i < calls.length; i++) {
      out[key.length + i] = AggregateFunctions.result(calls[i], acc, accOffset[i]);
    }
    return out;
  }

  /** The key of a row's entry in call {@code i}'s values: the group key, then its fields. */
  private Object[] valueKey(int i, Object[] groupKey, Object[] row) {
    int[] fields = valueFields[i];
    Object[] k = new Object[groupKey.length + fields.length];
    System.arraycopy(groupKey, 0, k, 0, groupKey.length);
    for (int f = 0; f < fields.length; f++) {
      k[groupKey.length + f] = row[fields[f]];
    }
    return k;
  }

  /**
   * A STRING_AGG's result from the group's values: in the call's order if it has one (ties, and
   * calls without one, in the order of the values), a value counted n times appearing n times,
   * or once under DISTINCT; each value after the first is preceded by its row's separator.
   */
  private String joinValues(int i, Object[] groupKey) {
    AggCall call = calls[i];
    int orderWidth = call.order().size();
    int valueAt = groupKey.length + orderWidth;
    boolean separated = call.args().size() > 1;
    List<Object[]> entries = new ArrayList<>();
    try (StateCursor c = valueTables[i].scan(groupKey, groupKey.length)) {
      while (c.next()) {
        Object[] k = c.key();
        Object[] e = new Object[orderWidth + 3];
        System.arraycopy(k, groupKey.length, e, 0, orderWidth);
        e[orderWidth] = k[valueAt];
        e[orderWidth + 1] = separated ? k[valueAt + 1] : ",";
        e[orderWidth + 2] = c.value()[0];
        entries.add(e);
      }
    }
    if (orderWidth > 0) {
      List<SortKey> keys = new ArrayList<>();
      for (int k = 0; k < orderWidth; k++) {
        SortKey key = call.order().get(k);
        keys.add(new SortKey(k, key.descending(), key.nullsFirst()));
      }
      entries.sort(RowOrder.comparator(keys)); // stable: ties stay in value order
    }
    StringBuilder sb = new StringBuilder();
    Set<Object> seen = call.distinct() ? new HashSet<>() : null;
    boolean first = true;
    for (Object[] e : entries) {
      Object value = e[orderWidth];
      if (seen != null && !seen.add(value)) {
        continue;
      }
      long times = seen != null ? 1 : (Long) e[orderWidth + 2];
      for (long t = 0; t < times; t++) {
        if (!first && e[orderWidth + 1] != null) {
          sb.append(e[orderWidth + 1]);
        }
        sb.append(value);
        first = false;
      }
    }
    return sb.toString();
  }
}
