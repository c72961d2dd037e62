package io.sluice.executor.runtime;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import java.util.List;
import java.util.function.Consumer;

/** Constant rows, each once. */
final class ValuesSource implements Source {
  private final List<Object[]> rows;

  ValuesSource(List<Object[]> rows) {
    this.rows = rows;
  }

  @Override
  public void emitAll(Consumer<Chunk> out) {
    ChunkBuilder b = new ChunkBuilder(rows.size());
    for (Object[] row : rows) {
      b.add(row, 1);
    }
    if (!b.isEmpty()) {
      out.accept(b.build());
    }
  }
}
