package io.sluice.executor.stream;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.runtime.Source;
import io.sluice.executor.runtime.Vertex;
import java.util.function.Consumer;

/**
 * Where input enters one partition of a part of a dataflow, epoch by epoch: a table's changes,
 * the rows an exchange brought, or constant rows.
 */
abstract class Feed implements Source {
  private Vertex vertex;

  void attach(Vertex v) {
    this.vertex = v;
  }

  Vertex vertex() {
    return vertex;
  }

  /** Emits this epoch's input through the vertex. */
  abstract void emitEpoch();

  /** Releases what the feed holds. */
  void close() {}

  @Override
  public final void emitAll(Consumer<Chunk> out) {
    throw new UnsupportedOperationException("a dataflow feed runs epoch by epoch");
  }
}
