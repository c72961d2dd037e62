package io.sluice.executor.stream;

import io.sluice.storage.codec.ByteReader;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a view's committed state goes, kept in the META keyspace under {@code
 * view/<id>/progress} and written in the same batch as the view's state: the epoch, whether the
 * backfill was complete, the number of rows in the view and the last log sequence number
 * consumed of each table.
 *
 * @param epoch the last committed epoch that changed the view's state
 * @param backfilled whether the view's initial backfill was complete
 * @param rowCount the rows in the view, counting copies
 * @param offsets table id to the last consumed log sequence number
 */
public record ViewProgress(long epoch, boolean backfilled, long rowCount,
    Map<Long, Long> offsets) {
  public ViewProgress {
    offsets = Map.copyOf(offsets);
  }

  static byte[] key(long viewId) {
    return ("view/" + viewId + "/progress").getBytes(StandardCharsets.UTF_8);
  }

  /** Adds this progress to a batch. */
  public void write(KvBatch batch, long viewId) {
    ByteWriter w = new ByteWriter(32 + offsets.size() * 16);
    w.writeLong(epoch);
    w.write(backfilled ? 1 : 0);
    w.writeLong(rowCount);
    w.writeVarInt(offsets.size());
    for (Map.Entry<Long, Long> e : offsets.entrySet()) {
      w.writeLong(e.getKey());
      w.writeLong(e.getValue());
    }
    batch.put(Keyspace.META, key(viewId), w.toByteArray());
  }

  /** Removes a view's progress in a batch. */
  public static void delete(KvBatch batch, long viewId) {
    batch.delete(Keyspace.META, key(viewId));
  }

  /** The committed progress of a view, or null if it never committed an epoch. */
  public static ViewProgress read(RocksDbStore store, long viewId) {
    byte[] v = store.get(Keyspace.META, key(viewId));
    if (v == null) {
      return null;
    }
    ByteReader r = new ByteReader(v);
    long epoch = r.readLong();
    boolean backfilled = r.read() != 0;
    long rowCount = r.readLong();
    int n = r.readVarInt();
    Map<Long, Long> offsets = new HashMap<>();
    for (int i = 0; i < n; i++) {
      offsets.put(r.readLong(), r.readLong());
    }
    return new ViewProgress(epoch, backfilled, rowCount, offsets);
  }
}
