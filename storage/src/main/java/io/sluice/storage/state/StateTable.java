package io.sluice.storage.state;

/**
 * A sorted map from key tuples to value tuples, owned by one operator instance.
 *
 * <p>Keys sort by the order-preserving encoding of their columns (see {@link
 * io.sluice.storage.codec.KeyCodec}), so a scan over a key prefix returns entries in SQL order of
 * the remaining columns. See the package documentation for who owns the arrays.
 */
public interface StateTable {
  /** The declaration this table was opened from. */
  StateTableSpec spec();

  /** The value stored under a key, or null. */
  Object[] get(Object[] key);

  /** Stores a value under a key, replacing any value there. Takes ownership of both arrays. */
  void put(Object[] key, Object[] value);

  /** Removes a key; no effect when absent. */
  void delete(Object[] key);

  /**
   * A cursor over the entries whose first {@code prefixLength} key columns equal those of
   * {@code prefix}, in key order; the whole table when {@code prefixLength} is 0.
   */
  StateCursor scan(Object[] prefix, int prefixLength);

  /** Like {@link #scan} but from the largest key down. */
  StateCursor scanDescending(Object[] prefix, int prefixLength);

  /** Removes every entry. */
  void clear();

  /** The number of entries (exact for in-memory tables, an estimate elsewhere). */
  long estimatedSize();
}
