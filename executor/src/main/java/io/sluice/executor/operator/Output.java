package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;

/** Where an operator sends its changes. */
@FunctionalInterface
public interface Output {
  /** Sends a chunk downstream. The receiver must not change it. */
  void emit(Chunk chunk);
}
