package io.sluice.executor.stream;

import java.util.Map;

/**
 * An epoch to reach: its number and its cut, the last log sequence number of each table that
 * belongs to it. Every change committed before the epoch was cut is in it.
 *
 * @param number increases by one per epoch
 * @param cut table id to the last sequence number in the epoch
 */
public record Epoch(long number, Map<Long, Long> cut) {
  public Epoch {
    cut = Map.copyOf(cut);
  }

  /** The cut for a table (0 when the table was not logged when the epoch was cut). */
  public long cutOf(long tableId) {
    return cut.getOrDefault(tableId, 0L);
  }
}
