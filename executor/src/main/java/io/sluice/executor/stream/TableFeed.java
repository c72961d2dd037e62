package io.sluice.executor.stream;

import io.sluice.executor.data.ChunkBuilder;
import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.log.ChangeLog;
import io.sluice.storage.table.RowCursor;

/**
 * A table scan in one partition of a dataflow: first, in a new dataflow's partition 0, the
 * table's rows as of the snapshot the view started from (the backfill), a bounded number per
 * epoch; then this partition's slice of each epoch's log entries.
 */
final class TableFeed extends Feed {
  static final int CHUNK_ROWS = 1024;
  /** Snapshot rows emitted per epoch while backfilling. */
  static final int BACKFILL_ROWS_PER_EPOCH = (int) TableInput.MAX_ROWS_PER_EPOCH;

  private final TableInput input;
  private final RowCodec codec;
  private final int partition;
  private RowCursor backfill;

  /** @param backfill the snapshot rows to emit first, or null */
  TableFeed(TableInput input, RowCodec codec, int partition, RowCursor backfill) {
    this.input = input;
    this.codec = codec;
    this.partition = partition;
    this.backfill = backfill;
  }

  boolean backfilling() {
    return backfill != null;
  }

  @Override
  void emitEpoch() {
    ChunkBuilder b = new ChunkBuilder(CHUNK_ROWS);
    if (backfill != null) {
      for (int n = 0; n < BACKFILL_ROWS_PER_EPOCH; n++) {
        if (!backfill.next()) {
          backfill.close();
          backfill = null;
          break;
        }
        b.add(backfill.row(), 1);
        if (b.size() >= CHUNK_ROWS) {
          vertex().emit(b.build());
        }
      }
    } else {
      for (ChangeLog.RawEntry e : input.slice(partition)) {
        ChangeLog.decode(codec, e.value(), (row, weight) -> {
          b.add(row, weight);
          if (b.size() >= CHUNK_ROWS) {
            vertex().emit(b.build());
          }
        });
      }
    }
    if (!b.isEmpty()) {
      vertex().emit(b.build());
    }
  }

  @Override
  void close() {
    if (backfill != null) {
      backfill.close();
      backfill = null;
    }
  }
}
