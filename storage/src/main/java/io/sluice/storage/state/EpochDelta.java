package io.sluice.storage.state;

import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import java.util.ArrayList;
import java.util.List;

/**
 * The state changes of one epoch, sealed and waiting to be committed: encoded puts and deletes
 * in the STATE keyspace. Immutable.
 */
public final class EpochDelta {
  private final long epoch;
  private final List<byte[]> keys;
  private final List<byte[]> values;

  EpochDelta(long epoch, List<byte[]> keys, List<byte[]> values) {
    this.epoch = epoch;
    this.keys = keys;
    this.values = values;
  }

  /** An epoch with no changes. */
  public static EpochDelta empty(long epoch) {
    return new EpochDelta(epoch, new ArrayList<>(), new ArrayList<>());
  }

  public long epoch() {
    return epoch;
  }

  /** The number of puts and deletes. */
  public int size() {
    return keys.size();
  }

  /** The encoded bytes of the changes. */
  public long bytes() {
    long n = 0;
    for (int i = 0; i < keys.size(); i++) {
      n += keys.get(i).length + (values.get(i) == null ? 0 : values.get(i).length);
    }
    return n;
  }

  /** Adds the changes to a batch (a null value is a delete). */
  public void addTo(KvBatch batch) {
    for (int i = 0; i < keys.size(); i++) {
      byte[] v = values.get(i);
      if (v == null) {
        batch.delete(Keyspace.STATE, keys.get(i));
      } else {
        batch.put(Keyspace.STATE, keys.get(i), v);
      }
    }
  }
}
