package io.sluice.executor.stream;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.runtime.Source;
import io.sluice.executor.runtime.Vertex;
import io.sluice.storage.log.ChangeLog;
import io.sluice.storage.table.RowCursor;
import java.util.List;
import java.util.function.Consumer;

/**
 * A table as a continuous input: first, if the dataflow is new, the table's rows as of the
 * snapshot it started from (the backfill), then the table's change log from the position that
 * snapshot corresponds to. Each epoch it emits log entries up to the epoch's cut; while
 * backfilling it emits a bounded number of snapshot rows per epoch instead, so that each epoch
 * stays small.
 */
final class LogSource implements Source {
  /** Rows emitted per chunk. */
  static final int CHUNK_ROWS = 1024;
  /** Snapshot rows emitted per epoch while backfilling. */
  static final int BACKFILL_ROWS_PER_EPOCH = 65_536;

  private final long tableId;
  private final TableLogs logs;
  private Vertex vertex;
  private long position;
  private RowCursor backfill;
  private long backfilledThisEpoch;

  /**
   * @param position the last log sequence number already reflected in the dataflow's state
   * @param backfill the table's rows to emit first, or null when there is nothing to backfill
   */
  LogSource(long tableId, TableLogs logs, long position, RowCursor backfill) {
    this.tableId = tableId;
    this.logs = logs;
    this.position = position;
    this.backfill = backfill;
  }

  void attach(Vertex vertex) {
    this.vertex = vertex;
  }

  Vertex vertex() {
    return vertex;
  }

  long tableId() {
    return tableId;
  }

  /** The last log sequence number emitted. */
  long position() {
    return position;
  }

  boolean backfilling() {
    return backfill != null;
  }

  void beginEpoch() {
    backfilledThisEpoch = 0;
  }

  /**
   * Emits the input that belongs to {@code epoch}; returns true once everything up to its cut
   * is emitted (or, while backfilling, this epoch's share of the snapshot).
   */
  boolean emitFor(Epoch epoch) {
    if (backfill != null) {
      return emitBackfill();
    }
    long cut = epoch.cutOf(tableId);
    while (position < cut) {
      // Read in slices, so a long backlog does not sit in memory at once.
      long upTo = Math.min(cut, position + 256);
      List<ChangeLog.Entry> entries = logs.read(tableId, position, upTo);
      ChunkBuilder b = new ChunkBuilder(CHUNK_ROWS);
      for (ChangeLog.Entry e : entries) {
        for (int i = 0; i < e.rows().size(); i++) {
          b.add(e.rows().get(i), e.weights()[i]);
          if (b.size() >= CHUNK_ROWS) {
            vertex.emit(b.build());
          }
        }
      }
      if (!b.isEmpty()) {
        vertex.emit(b.build());
      }
      position = upTo;
    }
    return true;
  }

  private boolean emitBackfill() {
    ChunkBuilder b = new ChunkBuilder(CHUNK_ROWS);
    while (backfilledThisEpoch < BACKFILL_ROWS_PER_EPOCH) {
      if (!backfill.next()) {
        backfill.close();
        backfill = null;
        break;
      }
      b.add(backfill.row(), 1);
      backfilledThisEpoch++;
      if (b.size() >= CHUNK_ROWS) {
        vertex.emit(b.build());
      }
    }
    if (!b.isEmpty()) {
      vertex.emit(b.build());
    }
    return true;
  }

  /** Stops backfilling (the dataflow is closing). */
  void close() {
    if (backfill != null) {
      backfill.close();
      backfill = null;
    }
  }

  @Override
  public void emitAll(Consumer<Chunk> out) {
    throw new UnsupportedOperationException("a log source runs epoch by epoch");
  }
}
