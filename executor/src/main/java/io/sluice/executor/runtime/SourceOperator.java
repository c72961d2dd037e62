package io.sluice.executor.runtime;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.operator.Operator;
import io.sluice.executor.operator.OperatorContext;

/** The operator of a source vertex: it has no inputs; the source emits through the vertex. */
final class SourceOperator implements Operator {
  @Override
  public void open(OperatorContext context) {}

  @Override
  public void onChunk(int input, Chunk chunk) {
    throw new IllegalStateException("a source has no inputs");
  }
}
