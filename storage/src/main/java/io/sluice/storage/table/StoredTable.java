package io.sluice.storage.table;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvIterator;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows of one base table in the {@link Keyspace#TABLES} keyspace.
 *
 * <p>Key: the table id (8 bytes, big-endian), then the {@link KeyCodec} encoding of the primary
 * key columns, or, for a table without a primary key, a row id (8 bytes) from a counter that
 * starts after the largest id found on disk. Value: the {@link RowCodec} encoding of the whole
 * row. Thread-safe; callers serialize writers that must see each other (duplicate-key checks).
 */
public final class StoredTable {
  private final RocksDbStore store;
  private final long tableId;
  private final RowType rowType;
  private final int[] primaryKey;
  private final KeyCodec keyCodec;
  private final RowCodec rowCodec;
  private final byte[] lowerBound;
  private final byte[] upperBound;
  private final AtomicLong nextRowId = new AtomicLong();

  /**
   * Opens the storage of a table.
   *
   * @param primaryKey positions of the primary key columns; empty for a table without one
   */
  public StoredTable(RocksDbStore store, long tableId, RowType rowType, int[] primaryKey) {
    this.store = store;
    this.tableId = tableId;
    this.rowType = rowType;
    this.primaryKey = primaryKey.clone();
    List<DataType> keyTypes = new ArrayList<>();
    for (int p : primaryKey) {
      keyTypes.add(rowType.type(p));
    }
    this.keyCodec = primaryKey.length == 0
        ? KeyCodec.ascending(List.of(DataType.of(TypeKind.BIGINT)))
        : KeyCodec.ascending(keyTypes);
    this.rowCodec = new RowCodec(rowType.types());
    this.lowerBound = idPrefix(tableId);
    this.upperBound = idPrefix(tableId + 1);
    if (primaryKey.length == 0) {
      nextRowId.set(findLastRowId() + 1);
    }
  }

  private static byte[] idPrefix(long id) {
    ByteWriter w = new ByteWriter(8);
    w.writeLong(id);
    return w.toByteArray();
  }

  private long findLastRowId() {
    try (KvIterator it = store.iterator(null, Keyspace.TABLES, lowerBound, upperBound)) {
      it.seekToLast();
      if (!it.valid()) {
        return 0;
      }
      byte[] key = it.key();
      Object[] decoded = keyCodec.decode(
          new io.sluice.storage.codec.ByteReader(key, 8, key.length - 8));
      return (Long) decoded[0];
    }
  }

  public long tableId() {
    return tableId;
  }

  public RowType rowType() {
    return rowType;
  }

  /** Whether rows are keyed by a declared primary key (else by a hidden row id). */
  public boolean hasPrimaryKey() {
    return primaryKey.length > 0;
  }

  /** Positions of the primary key columns. */
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  /** The storage key of a row of a table with a primary key. */
  public byte[] keyOf(Object[] row) {
    if (!hasPrimaryKey()) {
      throw new IllegalStateException("table " + tableId + " has no primary key");
    }
    ByteWriter w = new ByteWriter(16 + primaryKey.length * 8);
    w.write(lowerBound);
    keyCodec.encodeTo(w, row, primaryKey);
    return w.toByteArray();
  }

  /** The storage key of a primary key value given as its own tuple. */
  public byte[] keyOfPrimaryKey(Object[] pk) {
    ByteWriter w = new ByteWriter(16 + pk.length * 8);
    w.write(lowerBound);
    keyCodec.encodeTo(w, pk);
    return w.toByteArray();
  }

  /** Reserves {@code count} consecutive row ids and returns the first. */
  public long allocateRowIds(int count) {
    return nextRowId.getAndAdd(count);
  }

  /** The storage key of a row id, for tables without a primary key. */
  public byte[] keyOfRowId(long rowId) {
    ByteWriter w = new ByteWriter(16);
    w.write(lowerBound);
    keyCodec.encodeTo(w, new Object[] {rowId});
    return w.toByteArray();
  }

  /** Reads one row by storage key as of a snapshot, or null. */
  public Object[] get(KvSnapshot snapshot, byte[] key) {
    byte[] value = snapshot == null ? store.get(Keyspace.TABLES, key)
        : store.get(snapshot, Keyspace.TABLES, key);
    return value == null ? null : rowCodec.decode(value);
  }

  /** Adds a row write to a batch. */
  public void put(KvBatch batch, byte[] key, Object[] row) {
    batch.put(Keyspace.TABLES, key, rowCodec.encode(row));
  }

  /** Adds a row delete to a batch. */
  public void delete(KvBatch batch, byte[] key) {
    batch.delete(Keyspace.TABLES, key);
  }

  /** Adds the deletion of every row of the table to a batch. */
  public void deleteAll(KvBatch batch) {
    batch.deleteRange(Keyspace.TABLES, lowerBound, upperBound);
  }

  /** A cursor over all rows in key order as of a snapshot. */
  public RowCursor scan(KvSnapshot snapshot) {
    return new RowCursor(store.iterator(snapshot, Keyspace.TABLES, lowerBound, upperBound),
        rowCodec);
  }

  /**
   * A cursor over the rows whose first {@code count} primary key columns equal {@code prefix}
   * (all rows when {@code count} is 0).
   */
  public RowCursor scanPrimaryKeyPrefix(KvSnapshot snapshot, Object[] prefix, int count) {
    if (count == 0) {
      return scan(snapshot);
    }
    ByteWriter w = new ByteWriter(32);
    w.write(lowerBound);
    keyCodec.encodePrefixTo(w, prefix, count);
    byte[] lower = w.toByteArray();
    return new RowCursor(store.iterator(snapshot, Keyspace.TABLES, lower, successor(lower)),
        rowCodec);
  }

  /** The smallest key greater than every key that starts with {@code prefix}. */
  static byte[] successor(byte[] prefix) {
    byte[] s = prefix.clone();
    for (int i = s.length - 1; i >= 0; i--) {
      if (s[i] != (byte) 0xFF) {
        s[i]++;
        return java.util.Arrays.copyOf(s, i + 1);
      }
    }
    return null;
  }

  /** Approximate bytes the table takes. */
  public long approximateBytes() {
    return store.approximateSize(Keyspace.TABLES, lowerBound, upperBound);
  }
}
