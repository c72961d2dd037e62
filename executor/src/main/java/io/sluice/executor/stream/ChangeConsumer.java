package io.sluice.executor.stream;

import java.util.List;
import java.util.Map;

/**
 * Receives the result changes of a continuous SELECT's dataflow, once per committed epoch that
 * changed anything, on the coordinator's thread: it must not block.
 */
public interface ChangeConsumer {
  /**
   * Epoch {@code epoch} committed with these net changes of the result.
   *
   * @param epoch the committed epoch
   * @param backfilled whether the dataflow's initial snapshot is complete as of this epoch;
   *     while it is not, the changes are part of the initial result
   * @param changes row (the query's columns) to its net weight, never 0
   */
  void committed(long epoch, boolean backfilled, Map<List<Object>, Long> changes);

  /** The dataflow stopped on an error; no more changes come. */
  void failed(String reason, String sqlState);
}
