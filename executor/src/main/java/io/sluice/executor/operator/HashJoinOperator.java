package io.sluice.executor.operator;

import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.plan.expr.JoinCondition;
import io.sluice.plan.node.JoinKind;
import io.sluice.storage.state.StateCursor;
import io.sluice.storage.state.StateTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A symmetric hash join over changes, for every join kind. A change on one side joins with the
 * other side's current rows, then updates its own side's state, so that Δ(L⋈R) = ΔL⋈R + L'⋈ΔR.
 *
 * <p>For outer, semi and anti joins each stored row also carries its match count (how many
 * rows of the other side it joins with); a row whose count moves between zero and non-zero
 * retracts or emits its null-padded (or semi/anti) output. Rows whose key has a NULL (on a key
 * that is not null-safe) never match and are not stored. With no keys this is a nested-loop
 * join: the whole other side is the candidate set.
 */
public final class HashJoinOperator implements Operator {
  private static final int LEFT = 0;

  private final JoinKind kind;
  private final int[][] keys;
  private final TypeKind[] keyKinds;
  private final boolean[] nullSafe;
  private final JoinCondition residual;
  private final int[] widths;
  private final boolean[] tracksMatches;
  private final StateTable[] state = new StateTable[2];
  private OperatorContext context;
  private Object dataContext;

  /**
   * @param leftKeys key positions in left rows
   * @param rightKeys key positions in right rows
   * @param keyKinds the common kind each key pair is compared as
   * @param nullSafe whether NULL matches NULL, per key
   * @param residual the rest of the condition, or null
   */
  public HashJoinOperator(JoinKind kind, int[] leftKeys, int[] rightKeys, TypeKind[] keyKinds,
      boolean[] nullSafe, JoinCondition residual, int leftWidth, int rightWidth) {
    if (leftKeys.length != rightKeys.length || leftKeys.length != keyKinds.length
        || leftKeys.length != nullSafe.length) {
      throw new IllegalArgumentException("join keys must pair up");
    }
    this.kind = kind;
    this.keys = new int[][] {leftKeys.clone(), rightKeys.clone()};
    this.keyKinds = keyKinds.clone();
    this.nullSafe = nullSafe.clone();
    this.residual = residual;
    this.widths = new int[] {leftWidth, rightWidth};
    this.tracksMatches = new boolean[] {
        kind == JoinKind.LEFT || kind == JoinKind.FULL || kind == JoinKind.SEMI
            || kind == JoinKind.ANTI,
        kind == JoinKind.RIGHT || kind == JoinKind.FULL};
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.dataContext = context.dataContext();
    state[0] = context.stateTable("left");
    state[1] = context.stateTable("right");
  }

  /** Output is sent on in pieces of about this many rows, however many a change produces. */
  private static final int OUTPUT_CHUNK = 4096;

  @Override
  public void onChunk(int input, Chunk chunk) {
    ChunkBuilder out = new ChunkBuilder(Math.min(chunk.size(), OUTPUT_CHUNK));
    for (int i = 0; i < chunk.size(); i++) {
      process(input, chunk.row(i), chunk.weight(i), out);
      if (out.size() >= OUTPUT_CHUNK) {
        context.output().emit(out.build());
      }
    }
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }

  private void process(int side, Object[] row, long weight, ChunkBuilder out) {
    int other = 1 - side;
    int nKeys = keyKinds.length;
    Object[] stateKey = stateKey(side, row);
    long matches = 0;
    if (stateKey != null) {
      List<Object[]> updatedKeys = tracksMatches[other] ? new ArrayList<>() : null;
      List<Object[]> updatedValues = tracksMatches[other] ? new ArrayList<>() : null;
      try (StateCursor c = state[other].scan(stateKey, nKeys)) {
        while (c.next()) {
          Object[] otherKey = c.key();
          Object[] otherRow = Arrays.copyOfRange(otherKey, nKeys, otherKey.length);
          Object[] left = side == LEFT ? row : otherRow;
          Object[] right = side == LEFT ? otherRow : row;
          if (residual != null && !residual.test(dataContext, left, right)) {
            continue;
          }
          Object[] otherValue = c.value();
          long otherCount = (Long) otherValue[0];
          matches += otherCount;
          if (kind.projectsRight()) {
            out.add(concat(left, right), weight * otherCount);
          }
          if (tracksMatches[other]) {
            long before = (Long) otherValue[1];
            long after = before + weight;
            matchTransition(other, otherRow, otherCount, before, after, out);
            updatedKeys.add(otherKey);
            updatedValues.add(new Object[] {otherCount, after});
          }
        }
      }
      if (updatedKeys != null) {
        for (int i = 0; i < updatedKeys.size(); i++) {
          state[other].put(updatedKeys.get(i), updatedValues.get(i));
        }
      }
    }
    unmatchedOutput(side, row, weight, matches, out);
    if (stateKey != null) {
      Object[] current = state[side].get(stateKey);
      long count = (current == null ? 0 : (Long) current[0]) + weight;
      if (count == 0) {
        state[side].delete(stateKey);
      } else {
        state[side].put(stateKey, new Object[] {count, matches});
      }
    }
  }

  /** Output for a new change on {@code side} that depends on how many rows it matched. */
  private void unmatchedOutput(int side, Object[] row, long weight, long matches,
      ChunkBuilder out) {
    if (side == LEFT) {
      switch (kind) {
        case LEFT:
        case FULL:
          if (matches == 0) {
            out.add(concat(row, null), weight);
          }
          break;
        case SEMI:
          if (matches != 0) {
            out.add(row, weight);
          }
          break;
        case ANTI:
          if (matches == 0) {
            out.add(row, weight);
          }
          break;
        default:
          break;
      }
    } else if ((kind == JoinKind.RIGHT || kind == JoinKind.FULL) && matches == 0) {
      out.add(concat(null, row), weight);
    }
  }

  /** Output when a stored row's match count moves from {@code before} to {@code after}. */
  private void matchTransition(int side, Object[] row, long count, long before, long after,
      ChunkBuilder out) {
    boolean wasMatched = before != 0;
    boolean isMatched = after != 0;
    if (wasMatched == isMatched) {
      return;
    }
    long sign = isMatched ? 1 : -1;
    if (side == LEFT) {
      switch (kind) {
        case LEFT:
        case FULL:
          out.add(concat(row, null), -sign * count);
          break;
        case SEMI:
          out.add(row, sign * count);
          break;
        case ANTI:
          out.add(row, -sign * count);
          break;
        default:
          break;
      }
    } else {
      out.add(concat(null, row), -sign * count);
    }
  }

  /** The state key of a row (join key then the row), or null if a key value is an unmatchable NULL. */
  private Object[] stateKey(int side, Object[] row) {
    int[] k = keys[side];
    Object[] key = new Object[k.length + row.length];
    for (int i = 0; i < k.length; i++) {
      Object v = row[k[i]];
      if (v == null && !nullSafe[i]) {
        return null;
      }
      key[i] = Values.convert(v, keyKinds[i]);
    }
    System.arraycopy(row, 0, key, k.length, row.length);
    return key;
  }

  private Object[] concat(Object[] left, Object[] right) {
    Object[] out = new Object[widths[0] + widths[1]];
    if (left != null) {
      System.arraycopy(left, 0, out, 0, widths[0]);
    }
    if (right != null) {
      System.arraycopy(right, 0, out, widths[0], widths[1]);
    }
    return out;
  }
}
