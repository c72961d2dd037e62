package io.sluice.executor.operator;

import io.sluice.common.types.Values;
import io.sluice.plan.node.SortKey;
import java.util.Comparator;
import java.util.List;

/** SQL's order of rows by sort keys: each key ascending or descending, NULLs first or last. */
public final class RowOrder {
  private RowOrder() {}

  /** The comparator for rows ordered by {@code keys}; rows equal on every key compare 0. */
  public static Comparator<Object[]> comparator(List<SortKey> keys) {
    SortKey[] k = keys.toArray(new SortKey[0]);
    return (a, b) -> {
      for (SortKey key : k) {
        Object x = a[key.field()];
        Object y = b[key.field()];
        if (x == null || y == null) {
          if (x == y) {
            continue;
          }
          return (x == null) == key.nullsFirst() ? -1 : 1;
        }
        int c = Values.compare(x, y);
        if (c != 0) {
          return key.descending() ? -c : c;
        }
      }
      return 0;
    };
  }
}
