package io.sluice.executor.stream;

import io.sluice.storage.log.ChangeLog;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dataflow reads of one table's log in the current epoch, split among its partitions.
 * Once per epoch the dataflow reads the entries after its position, up to the epoch's cut but
 * at most {@link #MAX_ROWS_PER_EPOCH} rows (so an epoch stays small however far behind the view
 * is), undecoded; the partitions then decode and process contiguous slices of about equal row
 * counts, in parallel. Slices follow log order: partition 0 has the oldest entries.
 */
final class TableInput {
  /** The most log rows a dataflow takes from one table in one epoch. */
  static final long MAX_ROWS_PER_EPOCH = 131_072;

  private final long tableId;
  private long position;
  private List<List<ChangeLog.RawEntry>> slices = List.of();

  /** @param position the last sequence number already reflected in the dataflow's state */
  TableInput(long tableId, long position) {
    this.tableId = tableId;
    this.position = position;
  }

  long tableId() {
    return tableId;
  }

  /** The last sequence number read. */
  long position() {
    return position;
  }

  /**
   * Reads this epoch's entries and advances the position; returns whether it reached the cut.
   */
  boolean read(TableLogs logs, long cut, int partitions) {
    List<ChangeLog.RawEntry> entries = logs.read(tableId, position, cut, MAX_ROWS_PER_EPOCH);
    long rows = 0;
    for (ChangeLog.RawEntry e : entries) {
      rows += e.rows();
    }
    boolean reachedCut = rows < MAX_ROWS_PER_EPOCH || entries.isEmpty()
        || entries.get(entries.size() - 1).seq() >= cut;
    slices = split(entries, rows, partitions);
    if (reachedCut) {
      position = Math.max(position, cut);
    } else {
      position = entries.get(entries.size() - 1).seq();
    }
    return reachedCut;
  }

  private static List<List<ChangeLog.RawEntry>> split(List<ChangeLog.RawEntry> entries,
      long rows, int partitions) {
    List<List<ChangeLog.RawEntry>> out = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      out.add(new ArrayList<>());
    }
    long seen = 0;
    for (ChangeLog.RawEntry e : entries) {
      // The partition whose share of the rows this entry starts in.
      int p = (int) Math.min(partitions - 1, seen * partitions / Math.max(1, rows));
      out.get(p).add(e);
      seen += e.rows();
    }
    return out;
  }

  /** Whether this epoch read nothing. */
  boolean isEmpty() {
    for (List<ChangeLog.RawEntry> s : slices) {
      if (!s.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The entries partition {@code p} processes this epoch. */
  List<ChangeLog.RawEntry> slice(int p) {
    return slices.isEmpty() ? List.of() : slices.get(p);
  }

  /** Forgets this epoch's entries once they are processed. */
  void release() {
    slices = List.of();
  }
}
