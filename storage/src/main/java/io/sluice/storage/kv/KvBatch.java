package io.sluice.storage.kv;

import io.sluice.storage.codec.ByteWriter;

/**
 * Writes that commit together or not at all, across keyspaces. Build it, then hand it to
 * {@link RocksDbStore#commit(KvBatch)}; close it afterwards.
 *
 * <p>The batch is built on the heap in RocksDB's own write-batch format and crosses into RocksDB
 * once, when it is written: adding each write through JNI cost about a microsecond a write,
 * more than the memtable insert itself. The format (checked against RocksDB's own encoding in
 * {@code KvBatchTest}): a 12-byte header (sequence number, 8 bytes, and count, 4 bytes, both
 * little-endian), then one record per write: a tag byte, the column family id as a varint
 * unless it is the default family, and each key and value as a varint length and the bytes.
 */
public final class KvBatch implements AutoCloseable {
  private static final int HEADER_BYTES = 12;
  private static final int COUNT_OFFSET = 8;
  // Record tags of RocksDB's write batch: in the default column family / in another one.
  private static final int DELETE = 0x0;
  private static final int PUT = 0x1;
  private static final int CF_DELETE = 0x4;
  private static final int CF_PUT = 0x5;
  private static final int CF_RANGE_DELETE = 0xE;
  private static final int RANGE_DELETE = 0xF;

  private final RocksDbStore store;
  private final ByteWriter rep;
  private int count;

  /** @param sizeHint about how many bytes the batch's keys and values will take */
  KvBatch(RocksDbStore store, int sizeHint) {
    this.store = store;
    this.rep = new ByteWriter(HEADER_BYTES + Math.max(244, sizeHint));
    for (int i = 0; i < HEADER_BYTES; i++) {
      rep.write(0);
    }
  }

  public KvBatch put(Keyspace ks, byte[] key, byte[] value) {
    tag(ks, PUT, CF_PUT);
    slice(key);
    slice(value);
    return this;
  }

  public KvBatch delete(Keyspace ks, byte[] key) {
    tag(ks, DELETE, CF_DELETE);
    slice(key);
    return this;
  }

  /** Deletes every key in {@code [from, to)}. */
  public KvBatch deleteRange(Keyspace ks, byte[] from, byte[] to) {
    tag(ks, RANGE_DELETE, CF_RANGE_DELETE);
    slice(from);
    slice(to);
    return this;
  }

  private void tag(Keyspace ks, int defaultFamilyTag, int otherFamilyTag) {
    int family = store.columnFamilyId(ks);
    if (family == 0) {
      rep.write(defaultFamilyTag);
    } else {
      rep.write(otherFamilyTag);
      rep.writeVarInt(family);
    }
    count++;
  }

  private void slice(byte[] bytes) {
    rep.writeVarInt(bytes.length);
    rep.write(bytes);
  }

  /** The number of operations in the batch. */
  public int count() {
    return count;
  }

  /** The encoded size of the batch in bytes. */
  public long sizeInBytes() {
    return rep.length();
  }

  /** The batch in RocksDB's write-batch format. */
  byte[] encoded() {
    byte[] a = rep.array();
    for (int i = 0; i < 4; i++) {
      a[COUNT_OFFSET + i] = (byte) (count >>> (8 * i));
    }
    return rep.toByteArray();
  }

  @Override
  public void close() {
    // Nothing native is held until the batch is written.
  }
}
