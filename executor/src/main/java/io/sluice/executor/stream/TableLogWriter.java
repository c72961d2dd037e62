package io.sluice.executor.stream;

import io.sluice.storage.kv.KvBatch;
import java.util.List;

/**
 * Appends a statement's changes to its table's change log, in the batch that writes the table.
 * The caller holds the table's write lock, so sequence numbers follow commit order.
 */
public interface TableLogWriter {
  /** Adds the changes to the batch under the next sequence number, which it returns. */
  long append(KvBatch batch, List<Object[]> rows, long[] weights);

  /** The batch with this sequence number is committed (readers may now see it). */
  void published(long seq);
}
