package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.data.RowKey;
import io.sluice.plan.node.SortKey;
import io.sluice.plan.node.WindowCall;
import io.sluice.plan.node.WindowFrame;
import io.sluice.plan.node.WindowNode;
import io.sluice.storage.state.StateCursor;
import io.sluice.storage.state.StateTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Window functions over changes. Every row is kept in state, by partition, in the window's
 * order and then by its whole value. Changes are applied at the barrier: each partition they
 * touch is read in order before and after, its results are computed both times, and the
 * difference is emitted. A change costs a pass over its partition, which is what a change in
 * the order of a partition (every ROW_NUMBER after it moves) can cost anyway.
 */
public final class WindowOperator implements Operator {
  private final int[] partitionKeys;
  private final SortKey[] order;
  private final WindowFrame frame;
  private final WindowCall[] calls;
  private final List<Object> constants;
  private final int inputWidth;
  private StateTable rows;
  private OperatorContext context;
  private final Map<RowKey, List<Object[]>> touched = new LinkedHashMap<>();

  public WindowOperator(WindowNode node) {
    this.partitionKeys = node.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
    this.order = node.order().toArray(new SortKey[0]);
    this.frame = node.frame();
    this.calls = node.calls().toArray(new WindowCall[0]);
    this.constants = node.constants();
    this.inputWidth = node.input().rowType().size();
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.rows = context.stateTable("rows");
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int r = 0; r < chunk.size(); r++) {
      Object[] row = chunk.row(r);
      Object[] partition = new Object[partitionKeys.length];
      for (int k = 0; k < partitionKeys.length; k++) {
        partition[k] = row[partitionKeys[k]];
      }
      touched.computeIfAbsent(new RowKey(partition), k -> new ArrayList<>())
          .add(new Object[] {row, chunk.weight(r)});
    }
  }

  @Override
  public void onBarrier(Barrier barrier) {
    if (touched.isEmpty()) {
      return;
    }
    ChunkBuilder out = new ChunkBuilder();
    for (Map.Entry<RowKey, List<Object[]>> e : touched.entrySet()) {
      Object[] partition = e.getKey().values();
      Map<RowKey, Long> diff = new HashMap<>();
      for (Object[] row : results(partition)) {
        diff.merge(new RowKey(row), -1L, Long::sum);
      }
      for (Object[] change : e.getValue()) {
        apply((Object[]) change[0], (Long) change[1]);
      }
      for (Object[] row : results(partition)) {
        diff.merge(new RowKey(row), 1L, Long::sum);
      }
      for (Map.Entry<RowKey, Long> d : diff.entrySet()) {
        if (d.getValue() != 0) {
          out.add(d.getKey().values(), d.getValue());
        }
      }
    }
    touched.clear();
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }

  private void apply(Object[] row, long weight) {
    Object[] key = new Object[partitionKeys.length + order.length + row.length];
    for (int k = 0; k < partitionKeys.length; k++) {
      key[k] = row[partitionKeys[k]];
    }
    for (int k = 0; k < order.length; k++) {
      key[partitionKeys.length + k] = row[order[k].field()];
    }
    System.arraycopy(row, 0, key, partitionKeys.length + order.length, row.length);
    Object[] current = rows.get(key);
    long count = (current == null ? 0 : (Long) current[0]) + weight;
    if (count == 0) {
      rows.delete(key);
    } else if (count < 0) {
      throw new IllegalStateException("a window deleted a row it does not hold");
    } else {
      rows.put(key, new Object[] {count});
    }
  }

  /** The partition's rows, in order, each as often as it occurs. */
  private List<Object[]> partitionRows(Object[] partition) {
    List<Object[]> out = new ArrayList<>();
    int skip = partitionKeys.length + order.length;
    try (StateCursor c = rows.scan(partition, partition.length)) {
      while (c.next()) {
        Object[] key = c.key();
        Object[] row = new Object[inputWidth];
        System.arraycopy(key, skip, row, 0, inputWidth);
        for (long n = (Long) c.value()[0]; n > 0; n--) {
          out.add(row);
        }
      }
    }
    return out;
  }

  /** The output rows of a partition as it is in state. */
  private List<Object[]> results(Object[] partition) {
    List<Object[]> in = partitionRows(partition);
    int n = in.size();
    List<Object[]> out = new ArrayList<>(n);
    if (n == 0) {
      return out;
    }
    int[] peerStart = new int[n];
    int[] peerEnd = new int[n];
    int[] denseRank = new int[n];
    for (int i = 0, dense = 0; i < n; i++) {
      boolean newPeers = i == 0 || !peers(in.get(i - 1), in.get(i));
      if (newPeers) {
        dense++;
      }
      peerStart[i] = newPeers ? i : peerStart[i - 1];
      denseRank[i] = dense;
    }
    for (int i = n - 1; i >= 0; i--) {
      peerEnd[i] = i == n - 1 || peerStart[i + 1] != peerStart[i] ? i : peerEnd[i + 1];
    }
    for (Object[] row : in) {
      Object[] o = new Object[inputWidth + calls.length];
      System.arraycopy(row, 0, o, 0, inputWidth);
      out.add(o);
    }
    for (int c = 0; c < calls.length; c++) {
      WindowCall call = calls[c];
      int col = inputWidth + c;
      if (call.kind().readsFrame()) {
        frameValues(call, in, peerStart, peerEnd, out, col);
        continue;
      }
      for (int i = 0; i < n; i++) {
        Object[] row = in.get(i);
        Object v;
        switch (call.kind()) {
          case ROW_NUMBER: v = (long) i + 1; break;
          case RANK: v = (long) peerStart[i] + 1; break;
          case DENSE_RANK: v = (long) denseRank[i]; break;
          case PERCENT_RANK: v = n == 1 ? 0.0 : peerStart[i] / (double) (n - 1); break;
          case CUME_DIST: v = (peerEnd[i] + 1) / (double) n; break;
          case NTILE: v = ntile(i, n, arg(call, 0, row)); break;
          case LAG:
          case LEAD: {
            Object offset = call.args().size() > 1 ? arg(call, 1, row) : (Object) 1L;
            if (offset == null) {
              v = null;
              break;
            }
            long j = call.kind() == WindowCall.Kind.LAG ? i - ((Number) offset).longValue()
                : i + ((Number) offset).longValue();
            v = j >= 0 && j < n ? arg(call, 0, in.get((int) j))
                : call.args().size() > 2 ? arg(call, 2, row) : null;
            break;
          }
          default:
            throw new IllegalStateException(call.kind().name());
        }
        out.get(i)[col] = v == null ? null : Values.convert(v, call.type().kind());
      }
    }
    return out;
  }

  private static Object ntile(int i, int n, Object buckets) {
    if (buckets == null) {
      return null;
    }
    long b = ((Number) buckets).longValue();
    if (b <= 0) {
      throw new SluiceException(SqlState.INVALID_ARGUMENT_FOR_NTILE,
          "argument of ntile must be greater than zero");
    }
    long q = n / b;
    long r = n % b;
    long big = r * (q + 1); // the first r buckets hold q + 1 rows
    return i < big ? i / (q + 1) + 1 : (i - big) / q + r + 1;
  }

  private Object arg(WindowCall call, int a, Object[] row) {
    int i = call.args().get(a);
    return i < inputWidth ? row[i] : constants.get(i - inputWidth);
  }

  private boolean peers(Object[] a, Object[] b) {
    for (SortKey k : order) {
      Object x = a[k.field()];
      Object y = b[k.field()];
      if (x == null || y == null ? x != y : Values.compare(x, y) != 0) {
        return false;
      }
    }
    return true;
  }

  private int frameStart(int i, int n, int[] peerStart) {
    WindowFrame.Bound b = frame.lower();
    return switch (b.kind()) {
      case UNBOUNDED_PRECEDING -> 0;
      case PRECEDING -> (int) Math.max(0, i - b.offset());
      case CURRENT_ROW -> frame.rows() ? i : peerStart[i];
      case FOLLOWING -> (int) Math.min(n, i + b.offset());
      case UNBOUNDED_FOLLOWING -> n;
    };
  }

  private int frameEnd(int i, int n, int[] peerEnd) {
    WindowFrame.Bound b = frame.upper();
    return switch (b.kind()) {
      case UNBOUNDED_PRECEDING -> -1;
      case PRECEDING -> (int) Math.max(-1, i - b.offset());
      case CURRENT_ROW -> frame.rows() ? i : peerEnd[i];
      case FOLLOWING -> (int) Math.min(n - 1, i + b.offset());
      case UNBOUNDED_FOLLOWING -> n - 1;
    };
  }

  /**
   * An aggregate or a value function over each row's frame. Frames that start at the
   * partition's first row only grow from row to row, so one running accumulator serves them.
   */
  private void frameValues(WindowCall call, List<Object[]> in, int[] peerStart, int[] peerEnd,
      List<Object[]> out, int col) {
    int n = in.size();
    boolean prefix = frame.lower().kind() == WindowFrame.BoundKind.UNBOUNDED_PRECEDING;
    Accumulator running = null;
    int runningEnd = -1;
    for (int i = 0; i < n; i++) {
      int s = frameStart(i, n, peerStart);
      int e = frameEnd(i, n, peerEnd);
      Object v;
      switch (call.kind()) {
        case FIRST_VALUE:
          v = s <= e ? arg(call, 0, in.get(s)) : null;
          break;
        case LAST_VALUE:
          v = s <= e ? arg(call, 0, in.get(e)) : null;
          break;
        case NTH_VALUE: {
          Object nth = arg(call, 1, in.get(i));
          if (nth != null && ((Number) nth).longValue() <= 0) {
            throw new SluiceException(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE,
                "argument of nth_value must be greater than zero");
          }
          long j = nth == null ? -1 : s + ((Number) nth).longValue() - 1;
          v = nth != null && j >= s && j <= e ? arg(call, 0, in.get((int) j)) : null;
          break;
        }
        default: {
          Accumulator acc;
          if (prefix && running != null && e >= runningEnd) {
            acc = running;
          } else {
            acc = new Accumulator(call);
            runningEnd = s - 1;
          }
          for (int j = runningEnd + 1; j <= e; j++) {
            acc.add(call.args().isEmpty() ? Boolean.TRUE : arg(call, 0, in.get(j)));
          }
          if (prefix) {
            running = acc;
            runningEnd = Math.max(runningEnd, e);
          } else {
            runningEnd = -1;
          }
          v = acc.result();
        }
      }
      out.get(i)[col] = v == null ? null : Values.convert(v, call.type().kind());
    }
  }

  /** COUNT, SUM, SUM0, MIN, MAX or AVG over values added one by one. */
  private static final class Accumulator {
    private final WindowCall call;
    private long count;
    private long longSum;
    private BigDecimal decimalSum = BigDecimal.ZERO;
    private double doubleSum;
    private Object best;

    Accumulator(WindowCall call) {
      this.call = call;
    }

    void add(Object v) {
      if (v == null) {
        return;
      }
      count++;
      switch (call.kind()) {
        case SUM:
        case SUM0:
        case AVG:
          if (v instanceof Double || v instanceof Float) {
            doubleSum += ((Number) v).doubleValue();
          } else if (v instanceof BigDecimal d) {
            decimalSum = decimalSum.add(d);
          } else if (v instanceof Number num) {
            try {
              longSum = Math.addExact(longSum, num.longValue());
            } catch (ArithmeticException e) {
              throw outOfRange();
            }
          }
          break;
        case MIN:
          best = best == null || Values.compare(v, best) < 0 ? v : best;
          break;
        case MAX:
          best = best == null || Values.compare(v, best) > 0 ? v : best;
          break;
        default:
          break;
      }
    }

    Object result() {
      DataType type = call.type();
      switch (call.kind()) {
        case COUNT:
          return count;
        case MIN:
        case MAX:
          return best;
        case SUM:
        case SUM0:
          if (count == 0) {
            return call.kind() == WindowCall.Kind.SUM ? null : zero(type.kind());
          }
          return sum(type);
        case AVG:
          if (count == 0) {
            return null;
          }
          return average(type);
        default:
          throw new IllegalStateException(call.kind().name());
      }
    }

    private Object sum(DataType type) {
      switch (type.kind()) {
        case DOUBLE:
        case REAL:
          return doubleSum;
        case DECIMAL:
          return decimalSum.scale() < type.scale() ? decimalSum.setScale(type.scale())
              : decimalSum;
        default:
          return narrow(longSum, type.kind());
      }
    }

    private Object average(DataType type) {
      switch (type.kind()) {
        case DOUBLE:
        case REAL:
          return (doubleSum + decimalSum.doubleValue() + longSum) / count;
        case DECIMAL: {
          BigDecimal total = decimalSum.add(BigDecimal.valueOf(longSum));
          return total.divide(BigDecimal.valueOf(count), type.scale(), RoundingMode.HALF_UP);
        }
        default:
          return narrow(longSum / count, type.kind());
      }
    }

    private Object narrow(long v, TypeKind kind) {
      return AggregateFunctions.checkRange(v, call.type(), call.kind().name());
    }

    private SluiceException outOfRange() {
      return new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          call.kind() + " is out of range for " + call.type().typeName());
    }

    private static Object zero(TypeKind kind) {
      return kind == TypeKind.DECIMAL ? BigDecimal.ZERO
          : kind == TypeKind.DOUBLE || kind == TypeKind.REAL ? (Object) 0.0 : (Object) 0L;
    }
  }
}
