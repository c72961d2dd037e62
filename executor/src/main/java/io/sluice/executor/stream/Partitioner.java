package io.sluice.executor.stream;

import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import io.sluice.plan.node.ExchangeNode;

/**
 * Which partition a row belongs to at an exchange: a hash of its key columns, each converted to
 * the exchange's key type first, so that equal keys (in SQL's sense) land together whichever
 * side of a join or input of an operator they come from.
 */
final class Partitioner {
  private final int[] keys;
  private final TypeKind[] kinds;
  private final int partitions;

  Partitioner(ExchangeNode exchange, int partitions) {
    this.keys = exchange.keys().stream().mapToInt(Integer::intValue).toArray();
    this.kinds = exchange.keyTypes().stream().map(t -> t.kind()).toArray(TypeKind[]::new);
    this.partitions = partitions;
  }

  int partitions() {
    return partitions;
  }

  /** The partition of a row, in {@code [0, partitions)}. */
  int partition(Object[] row) {
    if (keys.length == 0 || partitions == 1) {
      return 0;
    }
    int h = 1;
    for (int i = 0; i < keys.length; i++) {
      h = 31 * h + Values.hash(Values.convert(row[keys[i]], kinds[i]));
    }
    return Math.floorMod(mix(h), partitions);
  }

  /** Spreads the bits of a hash (the finalizer of MurmurHash3). */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
