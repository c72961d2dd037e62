package io.sluice.executor.stream;

import io.sluice.storage.state.EpochDelta;
import java.util.List;
import java.util.Map;

/**
 * What a dataflow hands the coordinator when it reaches an epoch: its sealed state changes and
 * how far it has read each table's log.
 *
 * @param dataflow the dataflow
 * @param delta the epoch's state changes, view contents included
 * @param offsets table id to the last log sequence number consumed
 * @param backfilled whether the initial backfill from a snapshot is complete
 * @param caughtUp whether the dataflow read everything up to the epoch's cut (it reads a
 *     bounded amount per epoch, so a view far behind takes several epochs to catch up)
 * @param idle whether there was nothing to process (the state and offsets did not change)
 * @param rowDelta how the view's row count changed
 * @param changes a continuous SELECT's net changes in the epoch (row to weight); empty for a view
 */
public record EpochReport(StreamingDataflow dataflow, EpochDelta delta, Map<Long, Long> offsets,
    boolean backfilled, boolean caughtUp, boolean idle, long rowDelta,
    Map<List<Object>, Long> changes) {
  public EpochReport {
    offsets = Map.copyOf(offsets);
  }
}
