package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;

/** UNION ALL: forwards every input's changes. Stateless and linear. */
public final class UnionAllOperator implements Operator {
  private OperatorContext context;

  @Override
  public void open(OperatorContext context) {
    this.context = context;
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    context.output().emit(chunk);
  }
}
