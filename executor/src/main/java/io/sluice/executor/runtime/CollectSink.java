package io.sluice.executor.runtime;

import io.sluice.common.error.SluiceException;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.RowKey;
import io.sluice.executor.operator.Operator;
import io.sluice.executor.operator.OperatorContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a finite result: sums the weights of equal rows, then lists each row that many times. */
final class CollectSink implements Operator {
  private final Map<RowKey, Long> counts = new LinkedHashMap<>();

  @Override
  public void open(OperatorContext context) {}

  @Override
  public void onChunk(int input, Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      counts.merge(new RowKey(chunk.row(i)), chunk.weight(i), Long::sum);
    }
  }

  /** The rows, each repeated by its net weight. */
  List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<RowKey, Long> e : counts.entrySet()) {
      long n = e.getValue();
      if (n < 0) {
        throw SluiceException.internal("result has a row with negative multiplicity " + n + ": "
            + e.getKey(), null);
      }
      for (long i = 0; i < n; i++) {
        rows.add(e.getKey().values());
      }
    }
    return rows;
  }
}
