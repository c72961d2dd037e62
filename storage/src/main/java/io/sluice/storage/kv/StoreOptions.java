package io.sluice.storage.kv;

/**
 * How a store is opened.
 *
 * @param syncWrites whether each committed write batch is fsynced before it returns; when false
 *     a write survives a process crash but not an operating system crash
 * @param blockCacheBytes the RocksDB block cache size
 * @param writeBufferBytes the size of each column family's memtable
 */
public record StoreOptions(boolean syncWrites, long blockCacheBytes, long writeBufferBytes) {
  /**
   * Durable writes, a 256 MiB block cache (native memory, filled only as data is read; half of
   * it kept for index and filter blocks), 32 MiB memtables.
   */
  public static StoreOptions defaults() {
    return new StoreOptions(true, 256L << 20, 32L << 20);
  }

  /** These options with fsync on commit turned on or off. */
  public StoreOptions withSyncWrites(boolean sync) {
    return new StoreOptions(sync, blockCacheBytes, writeBufferBytes);
  }
}
