package io.sluice.storage.state;

import io.sluice.storage.kv.RocksDbStore;
import java.util.ArrayList;
import java.util.List;

/**
 * State in RocksDB, written once per epoch: operators write into heap overlays, {@link
 * #seal(long)} turns an epoch's writes into an {@link EpochDelta}, and the committer writes
 * deltas into the store atomically (with whatever else belongs to the epoch) and then calls
 * {@link #committed(long)}. One backend serves one dataflow.
 */
public final class RocksDbStateBackend implements StateBackend {
  private final RocksDbStore store;
  private final List<RocksDbStateTable> tables = new ArrayList<>();

  public RocksDbStateBackend(RocksDbStore store) {
    this.store = store;
  }

  @Override
  public synchronized StateTable open(StateTableSpec spec) {
    RocksDbStateTable t = new RocksDbStateTable(spec, store);
    tables.add(t);
    return t;
  }

  /** Seals every table's writes of the current epoch. Called on the operators' thread. */
  public synchronized EpochDelta seal(long epoch) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (RocksDbStateTable t : tables) {
      t.seal(epoch, keys, values);
    }
    return new EpochDelta(epoch, keys, values);
  }

  /** Tells every table that epochs up to {@code epoch} are in the store. */
  public synchronized void committed(long epoch) {
    for (RocksDbStateTable t : tables) {
      t.committed(epoch);
    }
  }

  /** Drops writes not yet committed, so the tables read the last committed epoch again. */
  public synchronized void discardUncommitted() {
    for (RocksDbStateTable t : tables) {
      t.discardUncommitted();
    }
  }

  @Override
  public void close() {}
}
