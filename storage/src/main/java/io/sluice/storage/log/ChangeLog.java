package io.sluice.storage.log;

import io.sluice.common.types.RowType;
import io.sluice.storage.codec.ByteReader;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.kv.KvBatch;
import io.sluice.storage.kv.KvIterator;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The change log of one table in the LOG keyspace. Key: table id (8 bytes) then sequence
 * number (8 bytes), big-endian, so entries sort by sequence. Value: the statement's changes,
 * each a weight (+1 insert, -1 delete) and a row.
 *
 * <p>Appends go into the batch that writes the table, so a change is in the log exactly when it
 * is in the table. The caller assigns sequence numbers under the table's write lock.
 */
public final class ChangeLog {
  private final RocksDbStore store;
  private final long tableId;
  private final RowCodec codec;

  public ChangeLog(RocksDbStore store, long tableId, RowType rowType) {
    this.store = store;
    this.tableId = tableId;
    this.codec = new RowCodec(rowType.types());
  }

  public long tableId() {
    return tableId;
  }

  private byte[] key(long seq) {
    ByteWriter w = new ByteWriter(16);
    w.writeLong(tableId);
    w.writeLong(seq);
    return w.toByteArray();
  }

  /** One log entry: a statement's changes. */
  public record Entry(long seq, List<Object[]> rows, long[] weights) {}

  /** Adds an entry to a batch. */
  public void append(KvBatch batch, long seq, List<Object[]> rows, long[] weights) {
    ByteWriter w = new ByteWriter(64 + rows.size() * 32);
    w.writeVarInt(rows.size());
    ByteWriter row = new ByteWriter(64);
    for (int i = 0; i < rows.size(); i++) {
      long weight = weights[i];
      w.writeLong(weight);
      row.reset();
      codec.encodeTo(row, rows.get(i));
      w.writeVarInt(row.length());
      w.write(row.array(), 0, row.length());
    }
    batch.put(Keyspace.LOG, key(seq), w.toByteArray());
  }

  /**
   * An entry as stored, not yet decoded: readers split a range of entries among threads by
   * their row counts and decode in parallel.
   */
  public record RawEntry(long seq, byte[] value, int rows) {}

  /**
   * The entries with sequence numbers in {@code (after, upTo]}, in order, undecoded, stopping
   * after the entry that brings the row count to {@code maxRows} (so at least one entry is
   * returned when there is one).
   */
  public List<RawEntry> readRaw(long after, long upTo, long maxRows) {
    List<RawEntry> out = new ArrayList<>();
    if (upTo <= after) {
      return out;
    }
    long rows = 0;
    try (KvIterator it = store.iterator(null, Keyspace.LOG, key(after + 1), key(upTo + 1))) {
      for (it.seekToFirst(); it.valid() && rows < maxRows; it.next()) {
        byte[] value = it.value();
        int n = new ByteReader(value).readVarInt();
        out.add(new RawEntry(sequence(it.key()), value, n));
        rows += n;
      }
      it.checkStatus();
    }
    return out;
  }

  /** Receives the changes of an entry. */
  @FunctionalInterface
  public interface ChangeConsumer {
    void accept(Object[] row, long weight);
  }

  /** Decodes an entry's changes, in order, with the codec of the table's rows. */
  public static void decode(RowCodec codec, byte[] value, ChangeConsumer out) {
    ByteReader r = new ByteReader(value);
    int n = r.readVarInt();
    for (int i = 0; i < n; i++) {
      long weight = r.readLong();
      int len = r.readVarInt();
      int pos = r.position();
      Object[] row = codec.decode(value, pos, len);
      r.skip(len);
      out.accept(row, weight);
    }
  }

  private static long sequence(byte[] key) {
    long seq = 0;
    for (int i = 8; i < 16; i++) {
      seq = (seq << 8) | (key[i] & 0xFF);
    }
    return seq;
  }

  /** The entries with sequence numbers in {@code (after, upTo]}, in order. */
  public List<Entry> read(long after, long upTo) {
    List<Entry> out = new ArrayList<>();
    if (upTo <= after) {
      return out;
    }
    try (KvIterator it = store.iterator(null, Keyspace.LOG, key(after + 1), key(upTo + 1))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        out.add(decode(it.key(), it.value()));
      }
      it.checkStatus();
    }
    return out;
  }

  private Entry decode(byte[] key, byte[] value) {
    List<Object[]> rows = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    decode(codec, value, (row, weight) -> {
      rows.add(row);
      weights.add(weight);
    });
    return new Entry(sequence(key), rows, weights.stream().mapToLong(Long::longValue).toArray());
  }

  /** The largest sequence number in the log, or 0 when it is empty. */
  public long lastSequence() {
    try (KvIterator it = store.iterator(null, Keyspace.LOG, key(0), key(Long.MAX_VALUE))) {
      it.seekToLast();
      if (!it.valid()) {
        return 0;
      }
      return sequence(it.key());
    }
  }

  /** Removes, in a batch, every entry up to and including {@code upTo}. */
  public void truncate(KvBatch batch, long upTo) {
    batch.deleteRange(Keyspace.LOG, key(0), key(upTo + 1));
  }

  /** Removes, in a batch, the whole log. */
  public void deleteAll(KvBatch batch) {
    ByteWriter lo = new ByteWriter(8);
    lo.writeLong(tableId);
    ByteWriter hi = new ByteWriter(8);
    hi.writeLong(tableId + 1);
    batch.deleteRange(Keyspace.LOG, lo.toByteArray(), hi.toByteArray());
  }
}
