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
    int h = 1;
    for (Object v : values) {
      h = 31 * h + Values.hash(v);
    }
    this.hash = h;
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
