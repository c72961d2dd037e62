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
  /** Changes sealed early by {@link #sealPart} for the epoch being sealed; under their lock. */
  private final List<byte[]> partKeys = new ArrayList<>();
  private final List<byte[]> partValues = new ArrayList<>();

  public RocksDbStateBackend(RocksDbStore store) {
    this.store = store;
  }

  @Override
  public synchronized StateTable open(StateTableSpec spec) {
    RocksDbStateTable t = new RocksDbStateTable(spec, store);
    tables.add(t);
    return t;
  }

  /**
   * A backend that opens its tables from this one and adds each to {@code opened}: what a
   * dataflow's instance builds its operators with, to know which tables to {@link #sealPart}.
   */
  public StateBackend recordingTo(List<StateTable> opened) {
    return new StateBackend() {
      @Override
      public StateTable open(StateTableSpec spec) {
        StateTable t = RocksDbStateBackend.this.open(spec);
        opened.add(t);
        return t;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Seals some tables' writes of the current epoch now, on the calling thread; {@link #seal}
   * adds them to the epoch's delta. Calls for disjoint sets of tables may run concurrently
   * (the instances of a dataflow each seal their own tables when they finish an epoch, in
   * parallel, rather than leave it all to one thread at the end). The tables must come from
   * this backend and must not be written again in this epoch.
   */
  public void sealPart(long epoch, List<StateTable> part) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (StateTable t : part) {
      ((RocksDbStateTable) t).seal(epoch, keys, values);
    }
    synchronized (partKeys) {
      partKeys.addAll(keys);
      partValues.addAll(values);
    }
  }

  /**
   * Seals every table's writes of the current epoch not sealed yet by {@link #sealPart} and
   * returns them all as one delta. Called once the epoch's operators are done.
   */
  public synchronized EpochDelta seal(long epoch) {
    List<byte[]> keys;
    List<byte[]> values;
    synchronized (partKeys) {
      keys = new ArrayList<>(partKeys);
      values = new ArrayList<>(partValues);
      partKeys.clear();
      partValues.clear();
    }
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
    synchronized (partKeys) {
      partKeys.clear();
      partValues.clear();
    }
    for (RocksDbStateTable t : tables) {
      t.discardUncommitted();
    }
  }

  @Override
  public void close() {}
}
