package io.sluice.executor.stream;

import io.sluice.storage.log.ChangeLog;
import java.util.List;

/** The change logs of tables, as dataflow sources read them. Implemented by the database. */
public interface TableLogs {
  /** The largest sequence number committed to a table's log (0 when nothing was logged). */
  long committedSeq(long tableId);

  /**
   * A table's log entries with sequence numbers in {@code (after, upTo]}, in order and
   * undecoded, stopping once they hold {@code maxRows} rows (at least one entry if any).
   */
  List<ChangeLog.RawEntry> read(long tableId, long after, long upTo, long maxRows);
}
