package io.sluice.storage.state;

import io.sluice.storage.codec.ByteReader;
import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.kv.KvIterator;
import io.sluice.storage.kv.Keyspace;
import io.sluice.storage.kv.RocksDbStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A state table in RocksDB's STATE keyspace under its id (8 bytes), keys encoded with {@link
 * KeyCodec} and values with {@link RowCodec}.
 *
 * <p>Writes of the current epoch stay in a dirty map on the heap; {@link #seal} hands them over
 * as encoded changes and keeps them readable as a sealed overlay until {@link #committed} says
 * RocksDB has them. Reads look at the dirty map, then the sealed overlays (newest first), then
 * RocksDB, so the operator always reads its own writes and RocksDB never holds half an epoch.
 * Used by one operator thread; {@link #committed} may come from the committing thread.
 */
final class RocksDbStateTable implements StateTable {
  /** Marks a key deleted in an overlay. */
  private static final Object[] TOMBSTONE = new Object[0];

  private final StateTableSpec spec;
  private final RocksDbStore store;
  private final KeyCodec keyCodec;
  private final RowCodec valueCodec;
  private final byte[] prefix;
  private final byte[] upper;
  private final ByteWriter scratch = new ByteWriter(64);
  private TreeMap<byte[], Entry> dirty = new TreeMap<>(Arrays::compareUnsigned);
  private final Deque<Sealed> sealed = new ArrayDeque<>();

  /** A key with its decoded value, or TOMBSTONE. */
  private record Entry(Object[] key, Object[] value) {}

  /** An epoch's writes between sealing and commit. */
  private record Sealed(long epoch, TreeMap<byte[], Entry> entries) {}

  RocksDbStateTable(StateTableSpec spec, RocksDbStore store) {
    this.spec = spec;
    this.store = store;
    this.keyCodec = new KeyCodec(spec.keyColumns());
    this.valueCodec = new RowCodec(spec.valueTypes());
    ByteWriter w = new ByteWriter(8);
    w.writeLong(spec.id());
    this.prefix = w.toByteArray();
    ByteWriter u = new ByteWriter(8);
    u.writeLong(spec.id() + 1);
    this.upper = u.toByteArray();
  }

  @Override
  public StateTableSpec spec() {
    return spec;
  }

  private byte[] encode(Object[] key) {
    scratch.reset();
    scratch.write(prefix);
    keyCodec.encodeTo(scratch, key);
    return scratch.toByteArray();
  }

  @Override
  public Object[] get(Object[] key) {
    byte[] k = encode(key);
    Entry e = dirty.get(k);
    if (e == null) {
      e = sealedEntry(k);
    }
    if (e != null) {
      return e.value() == TOMBSTONE ? null : e.value();
    }
    byte[] v = store.get(Keyspace.STATE, k);
    return v == null ? null : valueCodec.decode(v);
  }

  private synchronized Entry sealedEntry(byte[] k) {
    Iterator<Sealed> it = sealed.descendingIterator();
    while (it.hasNext()) {
      Entry e = it.next().entries().get(k);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  @Override
  public void put(Object[] key, Object[] value) {
    dirty.put(encode(key), new Entry(key, value));
  }

  @Override
  public void delete(Object[] key) {
    dirty.put(encode(key), new Entry(key, TOMBSTONE));
  }

  @Override
  public StateCursor scan(Object[] keyPrefix, int prefixLength) {
    return cursor(keyPrefix, prefixLength, false);
  }

  @Override
  public StateCursor scanDescending(Object[] keyPrefix, int prefixLength) {
    return cursor(keyPrefix, prefixLength, true);
  }

  private StateCursor cursor(Object[] keyPrefix, int prefixLength, boolean descending) {
    scratch.reset();
    scratch.write(prefix);
    keyCodec.encodePrefixTo(scratch, keyPrefix, prefixLength);
    byte[] lower = scratch.toByteArray();
    byte[] hi = prefixLength == 0 ? upper : MemoryStateTable.successor(lower);
    // The overlays in range, newest winning, as one sorted map.
    TreeMap<byte[], Entry> overlay = new TreeMap<>(Arrays::compareUnsigned);
    synchronized (this) {
      for (Sealed s : sealed) {
        overlay.putAll(range(s.entries(), lower, hi));
      }
    }
    overlay.putAll(range(dirty, lower, hi));
    KvIterator it = store.iterator(null, Keyspace.STATE, lower, hi);
    return new MergingCursor(overlay, it, descending);
  }

  private static NavigableMap<byte[], Entry> range(TreeMap<byte[], Entry> m, byte[] lo,
      byte[] hi) {
    return hi == null ? m.tailMap(lo, true) : m.subMap(lo, true, hi, false);
  }

  /** Merges the overlay with RocksDB's entries, in key order, skipping tombstones. */
  private final class MergingCursor implements StateCursor {
    private final Iterator<Map.Entry<byte[], Entry>> overlay;
    private final KvIterator rocks;
    private final boolean descending;
    private Map.Entry<byte[], Entry> nextOverlay;
    private Object[] key;
    private Object[] value;

    MergingCursor(TreeMap<byte[], Entry> overlay, KvIterator rocks, boolean descending) {
      this.overlay = (descending ? overlay.descendingMap() : overlay).entrySet().iterator();
      this.rocks = rocks;
      this.descending = descending;
      if (descending) {
        rocks.seekToLast();
      } else {
        rocks.seekToFirst();
      }
      nextOverlay = this.overlay.hasNext() ? this.overlay.next() : null;
    }

    @Override
    public boolean next() {
      while (true) {
        boolean haveRocks = rocks.valid();
        if (!haveRocks && nextOverlay == null) {
          rocks.checkStatus();
          key = null;
          value = null;
          return false;
        }
        int cmp;
        if (!haveRocks) {
          cmp = 1;
        } else if (nextOverlay == null) {
          cmp = -1;
        } else {
          cmp = Arrays.compareUnsigned(rocks.key(), nextOverlay.getKey());
          if (descending) {
            cmp = -cmp;
          }
        }
        if (cmp < 0) {
          byte[] k = rocks.key();
          key = keyCodec.decode(new ByteReader(k, prefix.length, k.length - prefix.length));
          value = valueCodec.decode(rocks.value());
          advanceRocks();
          return true;
        }
        if (cmp == 0) {
          advanceRocks();
        }
        Entry e = nextOverlay.getValue();
        nextOverlay = overlay.hasNext() ? overlay.next() : null;
        if (e.value() != TOMBSTONE) {
          key = e.key();
          value = e.value();
          return true;
        }
      }
    }

    private void advanceRocks() {
      if (descending) {
        rocks.prev();
      } else {
        rocks.next();
      }
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
      rocks.close();
    }
  }

  @Override
  public void clear() {
    dirty.clear();
    List<Object[]> keys = new ArrayList<>();
    try (StateCursor c = scan(new Object[0], 0)) {
      while (c.next()) {
        keys.add(c.key());
      }
    }
    for (Object[] k : keys) {
      delete(k);
    }
  }

  @Override
  public long estimatedSize() {
    long n = 0;
    try (StateCursor c = scan(new Object[0], 0)) {
      while (c.next()) {
        n++;
      }
    }
    return n;
  }

  /** Moves the dirty writes to a sealed overlay and returns them encoded. */
  void seal(long epoch, List<byte[]> keys, List<byte[]> values) {
    if (dirty.isEmpty()) {
      return;
    }
    for (Map.Entry<byte[], Entry> e : dirty.entrySet()) {
      keys.add(e.getKey());
      Entry en = e.getValue();
      values.add(en.value() == TOMBSTONE ? null : valueCodec.encode(en.value()));
    }
    TreeMap<byte[], Entry> s = dirty;
    dirty = new TreeMap<>(Arrays::compareUnsigned);
    synchronized (this) {
      sealed.addLast(new Sealed(epoch, s));
    }
  }

  /** Drops the sealed overlays of epochs up to {@code epoch}, which RocksDB now holds. */
  synchronized void committed(long epoch) {
    while (!sealed.isEmpty() && sealed.peekFirst().epoch() <= epoch) {
      sealed.removeFirst();
    }
  }

  /** Forgets uncommitted writes (after a failure, before recovering from the last commit). */
  synchronized void discardUncommitted() {
    dirty.clear();
    sealed.clear();
  }
}
