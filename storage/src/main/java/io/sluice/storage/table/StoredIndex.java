package io.sluice.storage.table;

import io.sluice.common.types.RowType;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one secondary index in the {@link Keyspace#TABLES} keyspace, under the index
 * id. An entry's key is the index id, the indexed values (order-preserving, in each column's
 * direction) and the row's storage key; its value is empty. For a unique index an entry whose
 * values are all non-null leaves the row key out of the key and keeps it as the value instead,
 * so that a lookup by the values finds the one row that has them (rows with a NULL in the key
 * may repeat, as SQL says).
 */
public final class StoredIndex {
  private static final byte[] EMPTY = new byte[0];

  private final RocksDbStore store;
  private final int[] columns;
  private final KeyCodec codec;
  private final boolean unique;
  private final byte[] lower;
  private final byte[] upper;

  public StoredIndex(RocksDbStore store, long indexId, RowType tableRowType, int[] columns,
      boolean[] descending, boolean unique) {
    this.store = store;
    this.columns = columns.clone();
    List<KeyCodec.Column> cols = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      cols.add(new KeyCodec.Column(tableRowType.type(columns[i]), descending[i], false));
    }
    this.codec = new KeyCodec(cols);
    this.unique = unique;
    ByteWriter lo = new ByteWriter(8);
    lo.writeLong(indexId);
    this.lower = lo.toByteArray();
    ByteWriter hi = new ByteWriter(8);
    hi.writeLong(indexId + 1);
    this.upper = hi.toByteArray();
  }

  /** Whether no two rows may share non-null values in the indexed columns. */
  public boolean isUnique() {
    return unique;
  }

  /** Whether the row has a NULL in an indexed column. */
  public boolean hasNull(Object[] row) {
    for (int c : columns) {
      if (row[c] == null) {
        return true;
      }
    }
    return false;
  }

  private boolean keyedByValues(Object[] row) {
    return unique && !hasNull(row);
  }

  /** The key of a row's entry ({@code rowKey} is the row's storage key in its table). */
  public byte[] entryKey(Object[] row, byte[] rowKey) {
    ByteWriter w = new ByteWriter(32 + rowKey.length);
    w.write(lower);
    codec.encodeTo(w, row, columns);
    if (!keyedByValues(row)) {
      w.write(rowKey);
    }
    return w.toByteArray();
  }

  /** Adds a row's entry to a batch. */
  public void put(KvBatch batch, Object[] row, byte[] rowKey) {
    batch.put(Keyspace.TABLES, entryKey(row, rowKey), keyedByValues(row) ? rowKey : EMPTY);
  }

  /** Removes a row's entry in a batch. */
  public void delete(KvBatch batch, Object[] row, byte[] rowKey) {
    batch.delete(Keyspace.TABLES, entryKey(row, rowKey));
  }

  /**
   * For a unique index, the storage key of the row whose indexed values equal this row's, as of
   * a snapshot; null when there is none or the row has a NULL in the key.
   */
  public byte[] rowWithSameKey(KvSnapshot snapshot, Object[] row) {
    if (!keyedByValues(row)) {
      return null;
    }
    byte[] key = entryKey(row, EMPTY);
    return snapshot == null ? store.get(Keyspace.TABLES, key)
        : store.get(snapshot, Keyspace.TABLES, key);
  }

  /** Adds the removal of every entry to a batch. */
  public void deleteAll(KvBatch batch) {
    batch.deleteRange(Keyspace.TABLES, lower, upper);
  }
}
