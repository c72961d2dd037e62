package io.sluice.executor.operator;

import io.sluice.executor.data.Chunk;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink of a continuous SELECT: keeps no state, only the net changes of the current epoch
 * (each distinct row with the sum of its weights; rows whose changes cancel out are dropped),
 * which the dataflow takes once the epoch's fragments have run.
 */
public final class CollectChangesOperator implements Operator {
  private Map<List<Object>, Long> changes = new HashMap<>();

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      List<Object> row = Arrays.asList(chunk.row(i).clone());
      long w = changes.getOrDefault(row, 0L) + chunk.weight(i);
      if (w == 0) {
        changes.remove(row);
      } else {
        changes.put(row, w);
      }
    }
  }

  /** The net changes since the last call: row to weight, never 0. */
  public Map<List<Object>, Long> takeChanges() {
    Map<List<Object>, Long> out = changes;
    changes = new HashMap<>();
    return out;
  }
}
