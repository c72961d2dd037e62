package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;

/**
 * An operator instance. The runtime calls it from one thread at a time: {@link #open} first,
 * then {@link #onChunk} for each input chunk and {@link #onBarrier} once every input has
 * delivered a barrier (never mid-epoch on one input while another is behind), then {@link
 * #close}.
 */
public interface Operator {
  /** Prepares the operator; the context stays valid until {@link #close()}. */
  void open(OperatorContext context);

  /** Changes on input {@code input} (0 for the first). */
  void onChunk(int input, Chunk chunk);

  /**
   * The epoch ends on every input: emit whatever the epoch's changes produce and have not been
   * emitted yet. The runtime forwards the barrier downstream after this returns.
   */
  default void onBarrier(Barrier barrier) {}

  /** Releases resources. */
  default void close() {}
}
