package io.sluice.storage.state;

import io.sluice.storage.codec.ByteReader;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.kv.KvIterator;
import io.sluice.storage.kv.KvSnapshot;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;

/**
 * Reads a state table's committed entries as of a snapshot, for readers other than its operator
 * (a query reading a materialized view's contents).
 */
public final class StateSnapshotReader implements StateCursor {
  private final KvIterator it;
  private final KeyCodec keys;
  private final RowCodec values;
  private final int prefix;
  private boolean started;
  private Object[] key;
  private Object[] value;

  public StateSnapshotReader(RocksDbStore store, KvSnapshot snapshot, StateTableSpec spec) {
    ByteWriter lo = new ByteWriter(8);
    lo.writeLong(spec.id());
    ByteWriter hi = new ByteWriter(8);
    hi.writeLong(spec.id() + 1);
    this.prefix = 8;
    this.it = store.iterator(snapshot, Keyspace.STATE, lo.toByteArray(), hi.toByteArray());
    this.keys = new KeyCodec(spec.keyColumns());
    this.values = new RowCodec(spec.valueTypes());
  }

  @Override
  public boolean next() {
    if (!started) {
      started = true;
      it.seekToFirst();
    } else {
      it.next();
    }
    if (!it.valid()) {
      it.checkStatus();
      return false;
    }
    byte[] k = it.key();
    key = keys.decode(new ByteReader(k, prefix, k.length - prefix));
    value = values.decode(it.value());
    return true;
  }

  @Override
  public Object[] key() {
    return key;
  }

  @Override
  public Object[] value() {
    return value;
  }

  @Override
  public void close() {
    it.close();
  }
}
