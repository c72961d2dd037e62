package io.sluice.storage.kv;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes that commit together or not at all, across keyspaces. Build it, then hand it to
 * {@link RocksDbStore#commit(KvBatch)}; close it afterwards.
 */
public final class KvBatch implements AutoCloseable {
  private final RocksDbStore store;
  final WriteBatch batch = new WriteBatch();

  KvBatch(RocksDbStore store) {
    this.store = store;
  }

  public KvBatch put(Keyspace ks, byte[] key, byte[] value) {
    try {
      batch.put(store.handle(ks), key, value);
    } catch (RocksDBException e) {
      throw new StorageException("cannot add a write to a batch", e);
    }
    return this;
  }

  public KvBatch delete(Keyspace ks, byte[] key) {
    try {
      batch.delete(store.handle(ks), key);
    } catch (RocksDBException e) {
      throw new StorageException("cannot add a delete to a batch", e);
    }
    return this;
  }

  /** Deletes every key in {@code [from, to)}. */
  public KvBatch deleteRange(Keyspace ks, byte[] from, byte[] to) {
    try {
      batch.deleteRange(store.handle(ks), from, to);
    } catch (RocksDBException e) {
      throw new StorageException("cannot add a range delete to a batch", e);
    }
    return this;
  }

  /** The number of operations in the batch. */
  public int count() {
    return batch.count();
  }

  /** The encoded size of the batch in bytes. */
  public long sizeInBytes() {
    return batch.getDataSize();
  }

  @Override
  public void close() {
    batch.close();
  }
}
