package io.sluice.executor.stream;

import io.sluice.executor.data.ChunkBuilder;
import java.util.List;

/**
 * Constant rows (a VALUES clause) in a dataflow: emitted once, in the first epoch of a new
 * view, by partition 0; a resumed view has them in its state already.
 */
final class ValuesFeed extends Feed {
  private List<Object[]> pending;

  /** @param rows the rows, or null when there is nothing to emit (resumed, or not partition 0) */
  ValuesFeed(List<Object[]> rows) {
    this.pending = rows;
  }

  boolean pending() {
    return pending != null;
  }

  @Override
  void emitEpoch() {
    if (pending == null) {
      return;
    }
    ChunkBuilder b = new ChunkBuilder(pending.size());
    for (Object[] row : pending) {
      b.add(row, 1);
    }
    pending = null;
    if (!b.isEmpty()) {
      vertex().emit(b.build());
    }
  }
}
