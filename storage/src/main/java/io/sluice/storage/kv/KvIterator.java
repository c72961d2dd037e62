package io.sluice.storage.kv;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * An ordered cursor over the keys of one keyspace in {@code [lower, upper)}. Use as
 * {@code for (it.seekToFirst(); it.valid(); it.next())}, and close it.
 */
public final class KvIterator implements AutoCloseable {
  private final RocksIterator it;
  private final ReadOptions options;
  private final Slice upperSlice;
  private final byte[] lower;

  KvIterator(RocksIterator it, ReadOptions options, Slice upperSlice, byte[] lower) {
    this.it = it;
    this.options = options;
    this.upperSlice = upperSlice;
    this.lower = lower;
  }

  /** Positions at the first key of the range. */
  public void seekToFirst() {
    if (lower == null) {
      it.seekToFirst();
    } else {
      it.seek(lower);
    }
  }

  /** Positions at the first key at or after {@code key}. */
  public void seek(byte[] key) {
    it.seek(key);
  }

  /** Positions at the last key of the range. */
  public void seekToLast() {
    it.seekToLast();
    checkLower();
  }

  /** Positions at the last key at or before {@code key}. */
  public void seekForPrev(byte[] key) {
    it.seekForPrev(key);
    checkLower();
  }

  private boolean belowLower;

  private void checkLower() {
    belowLower = lower != null && it.isValid() && java.util.Arrays.compareUnsigned(it.key(), lower) < 0;
  }

  public boolean valid() {
    return it.isValid() && !belowLower;
  }

  public void next() {
    it.next();
  }

  public void prev() {
    it.prev();
    checkLower();
  }

  public byte[] key() {
    return it.key();
  }

  public byte[] value() {
    return it.value();
  }

  /** Throws if the iteration stopped because of an error rather than the end of the range. */
  public void checkStatus() {
    try {
      it.status();
    } catch (org.rocksdb.RocksDBException e) {
      throw new StorageException("iteration failed", e);
    }
  }

  @Override
  public void close() {
    it.close();
    if (upperSlice != null) {
      upperSlice.close();
    }
    if (options != null) {
      options.close();
    }
  }
}
