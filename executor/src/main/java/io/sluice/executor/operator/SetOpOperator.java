package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.plan.node.SetOpNode;
import io.sluice.storage.state.StateTable;

/**
 * INTERSECT and EXCEPT, with or without ALL, over changes. Each distinct row keeps its count in
 * every input; a change recomputes the row's output multiplicity and emits the difference.
 */
public final class SetOpOperator implements Operator {
  private final SetOpNode.Kind kind;
  private final boolean all;
  private final int inputs;
  private StateTable rows;
  private OperatorContext context;

  public SetOpOperator(SetOpNode.Kind kind, boolean all, int inputs) {
    this.kind = kind;
    this.all = all;
    this.inputs = inputs;
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.rows = context.stateTable("rows");
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    ChunkBuilder out = new ChunkBuilder(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      Object[] row = chunk.row(i);
      Object[] current = rows.get(row);
      Object[] counts = new Object[inputs];
      boolean any = false;
      for (int k = 0; k < inputs; k++) {
        counts[k] = current == null ? 0L : current[k];
      }
      long before = multiplicity(counts);
      counts[input] = (Long) counts[input] + chunk.weight(i);
      for (int k = 0; k < inputs; k++) {
        any |= (Long) counts[k] != 0;
      }
      if (any) {
        rows.put(row, counts);
      } else {
        rows.delete(row);
      }
      out.add(row, multiplicity(counts) - before);
    }
    if (!out.isEmpty()) {
      context.output().emit(out.build());
    }
  }

  private long multiplicity(Object[] counts) {
    long first = (Long) counts[0];
    if (kind == SetOpNode.Kind.INTERSECT) {
      long min = first;
      for (int k = 1; k < inputs; k++) {
        min = Math.min(min, (Long) counts[k]);
      }
      return all ? Math.max(min, 0) : min > 0 ? 1 : 0;
    }
    long others = 0;
    for (int k = 1; k < inputs; k++) {
      others += (Long) counts[k];
    }
    if (all) {
      return Math.max(first - others, 0);
    }
    return first > 0 && others == 0 ? 1 : 0;
  }
}
