package io.sluice.storage.kv;

import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/**
 * A consistent point-in-time view of the whole store: every read through it sees exactly the
 * batches committed before it was taken. Close it to let RocksDB drop old versions.
 */
public final class KvSnapshot implements AutoCloseable {
  private final RocksDbStore store;
  private final Snapshot snapshot;
  final ReadOptions readOptions;
  private boolean closed;

  KvSnapshot(RocksDbStore store, Snapshot snapshot) {
    this.store = store;
    this.snapshot = snapshot;
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  /** The store this snapshot reads. */
  public RocksDbStore store() {
    return store;
  }

  /** RocksDB's sequence number of the snapshot: later snapshots have larger ones. */
  public long sequence() {
    return snapshot.getSequenceNumber();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      readOptions.close();
      store.releaseSnapshot(snapshot);
    }
  }
}
