package io.sluice.executor.data;

import io.sluice.common.types.Values;
import java.util.Arrays;

/**
 * A row (or key tuple) usable as a hash key, with SQL equality per value: NULL equals NULL,
 * 1.0 equals 1.00. The array must not change while the key is in use.
 */
public final class RowKey {
  private final Object[] values;
  private final int hash;

  public RowKey(Object[] values) {
    this.values = values;
    // Each value's hash is mixed in with a multiply, not added to 31 times the rest: with a
    // polynomial, keys of small integers ((1, 40) and (2, 9), say) collide by the thousand.
    int h = values.length;
    for (Object v : values) {
      h = (Integer.rotateLeft(h, 7) ^ Values.hash(v)) * 0x9E3779B9;
    }
    this.hash = h ^ (h >>> 15);
  }

  public Object[] values() {
    return values;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowKey other) || other.hash != hash
        || other.values.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (!Values.equal(values[i], other.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
