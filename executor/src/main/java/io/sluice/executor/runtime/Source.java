package io.sluice.executor.runtime;

import io.sluice.executor.data.Chunk;
import java.util.function.Consumer;

/** Where rows enter a dataflow: a table snapshot, constant rows, a system table. */
public interface Source {
  /** Emits every row of a finite input, in chunks. */
  void emitAll(Consumer<Chunk> out);
}
