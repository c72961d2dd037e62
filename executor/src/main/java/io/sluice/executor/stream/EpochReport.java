package io.sluice.executor.stream;

import io.sluice.storage.state.EpochDelta;
import java.util.Map;

/**
 * What a dataflow hands the coordinator when it reaches an epoch: its sealed state changes and
 * how far it has read each table's log.
 *
 * @param dataflow the dataflow
 * @param delta the epoch's state changes, view contents included
 * @param offsets table id to the last log sequence number consumed
 * @param backfilled whether the initial backfill from a snapshot is complete
 */
public record EpochReport(StreamingDataflow dataflow, EpochDelta delta, Map<Long, Long> offsets,
    boolean backfilled) {
  public EpochReport {
    offsets = Map.copyOf(offsets);
  }
}
