package io.sluice.storage.state;

import io.sluice.storage.codec.ByteHash;
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
import java.util.HashMap;
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
 *
 * <p>The overlays are hash maps until the table is first scanned: most tables (a view's rows,
 * an aggregate's groups) are only ever read by key, and hashing an encoded key is much cheaper
 * than ordering it. From the first scan on, the table also keeps its overlays sorted, for
 * scans; point reads still go through hashes.
 *
 * <p>An unsorted table keeps a sealed epoch as the encoded bytes it handed over (see {@link
 * Sealed}), not as a map of decoded entries.
 *
 * <p>A write-only table ({@link StateTableSpec#writeOnly}) has no overlays at all: its writes
 * are encoded as they come, appended to a list, and handed over whole at the seal; reads are
 * refused.
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
  /** Whether the table has been scanned, after which its epochs are sealed in exact order. */
  private volatile boolean sorted;
  /** The epoch's writes, for point reads and the seal. */
  private Map<EncodedKey, Entry> dirty = new HashMap<>();
  /**
   * The same writes sorted, for scans: built in one go at the epoch's first scan (a sort, then
   * inserts in key order, each next to the last), then kept up to date by every write until
   * the seal. An operator that writes all epoch and scans at the barrier (MIN/MAX) so pays for
   * one sort instead of a walk down the tree, a cache miss at each level, for every write; one
   * that scans between writes (a join) keeps it up to date as before. Null until then.
   */
  private TreeMap<EncodedKey, Entry> dirtySorted;
  private final Deque<Sealed> sealed = new ArrayDeque<>();
  /** The size of {@link #sealed}, readable without the lock. */
  private volatile int sealedCount;
  /** A write-only table's writes of the epoch, encoded: keys, values (null: a delete). */
  private byte[][] blindKeys;
  private byte[][] blindValues;
  private int blindCount;

  /**
   * A key with its value, decoded (or TOMBSTONE) and encoded (null for a delete). The value is
   * encoded when it is written, while it is still in the CPU's cache: encoding an epoch's
   * values at the seal, in key order, read each one from memory again.
   */
  private record Entry(Object[] key, Object[] value, byte[] bytes) {}

  /**
   * An epoch's writes between sealing and commit: the encoded keys and values (null for a
   * delete) it handed to the commit, looked up through an open-addressing index of their hashes
   * built at the first lookup, and decoded on a hit. So an epoch waiting for its commit is a few
   * arrays, not a map of decoded entries: far fewer objects for the collector to trace. A
   * scanned table also keeps the epoch's entries in key order, for scans (binary search).
   */
  private final class Sealed {
    final long epoch;
    private Map.Entry<EncodedKey, Entry>[] entries;
    private byte[][] keys;
    private byte[][] values;
    private int[] hashes;
    /** Slot to position + 1 in {@link #keys}, 0 for an empty slot; built when first needed. */
    private int[] index;

    /** @param entries the same writes in key order, or null to build them if scanned */
    Sealed(long epoch, byte[][] keys, byte[][] values, int[] hashes,
        Map.Entry<EncodedKey, Entry>[] entries) {
      this.epoch = epoch;
      this.keys = keys;
      this.values = values;
      this.hashes = hashes;
      this.entries = entries;
    }

    /** This epoch's write of a key (its value decoded afresh), or null; under the lock. */
    Entry lookup(EncodedKey k) {
      if (index == null) {
        index = new int[Integer.highestOneBit(Math.max(keys.length, 1) * 2 - 1) << 1];
        int mask = index.length - 1;
        for (int i = 0; i < keys.length; i++) {
          int slot = hashes[i] & mask;
          while (index[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          index[slot] = i + 1;
        }
      }
      int mask = index.length - 1;
      for (int slot = k.hash & mask; index[slot] != 0; slot = (slot + 1) & mask) {
        int i = index[slot] - 1;
        if (hashes[i] == k.hash && Arrays.equals(keys[i], k.bytes)) {
          return new Entry(null, values[i] == null ? TOMBSTONE : valueCodec.decode(values[i]),
              values[i]);
        }
      }
      return null;
    }

    /** Adds the writes with keys in {@code [lo, hi)} (hi null: no bound) to a map. */
    void addRange(EncodedKey lo, EncodedKey hi, Map<EncodedKey, Entry> to) {
      if (entries == null) {
        Map.Entry<EncodedKey, Entry>[] e = newEntries(keys.length);
        for (int i = 0; i < keys.length; i++) {
          byte[] k = keys[i];
          Object[] key = keyCodec.decode(new ByteReader(k, prefix.length, k.length - prefix.length));
          e[i] = Map.entry(new EncodedKey(k), new Entry(key,
              values[i] == null ? TOMBSTONE : valueCodec.decode(values[i]), values[i]));
        }
        Arrays.sort(e, Map.Entry.comparingByKey());
        entries = e;
      }
      // The first entry not below lo.
      int from = 0;
      int end = entries.length;
      while (from < end) {
        int mid = (from + end) >>> 1;
        if (entries[mid].getKey().compareTo(lo) < 0) {
          from = mid + 1;
        } else {
          end = mid;
        }
      }
      for (int i = from; i < entries.length; i++) {
        Map.Entry<EncodedKey, Entry> e = entries[i];
        if (hi != null && e.getKey().compareTo(hi) >= 0) {
          break;
        }
        to.put(e.getKey(), e.getValue());
      }
    }
  }

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

  private EncodedKey encode(Object[] key) {
    scratch.reset();
    scratch.write(prefix);
    keyCodec.encodeTo(scratch, key);
    return new EncodedKey(scratch.toByteArray());
  }

  private void checkReadable() {
    if (spec.writeOnly()) {
      throw spec.readRefused();
    }
  }

  @Override
  public Object[] get(Object[] key) {
    checkReadable();
    EncodedKey k = encode(key);
    Entry e = dirty.get(k);
    if (e == null && sealedCount > 0) {
      e = sealedEntry(k);
    }
    if (e != null) {
      return e.value() == TOMBSTONE ? null : e.value();
    }
    byte[] v = store.get(Keyspace.STATE, k.bytes);
    return v == null ? null : valueCodec.decode(v);
  }

  private synchronized Entry sealedEntry(EncodedKey k) {
    Iterator<Sealed> it = sealed.descendingIterator();
    while (it.hasNext()) {
      Entry e = it.next().lookup(k);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  @Override
  public void put(Object[] key, Object[] value) {
    if (spec.writeOnly()) {
      scratch.reset();
      valueCodec.encodeTo(scratch, value);
      writeBlind(key, scratch.toByteArray());
      return;
    }
    EncodedKey k = encode(key);
    scratch.reset();
    valueCodec.encodeTo(scratch, value);
    write(k, new Entry(key, value, scratch.toByteArray()));
  }

  @Override
  public void delete(Object[] key) {
    if (spec.writeOnly()) {
      writeBlind(key, null);
      return;
    }
    write(encode(key), new Entry(key, TOMBSTONE, null));
  }

  private void write(EncodedKey k, Entry e) {
    dirty.put(k, e);
    if (dirtySorted != null) {
      dirtySorted.put(k, e);
    }
  }

  /**
   * Adds a write-only table's write to the epoch's list, encoded. Nothing reads it back, so
   * there is no map: a key written twice is written twice, and the later write wins in the
   * batch (the order {@link #seal} hands them over keeps the order of equal keys).
   */
  private void writeBlind(Object[] key, byte[] value) {
    if (blindKeys == null) {
      blindKeys = new byte[64][];
      blindValues = new byte[64][];
    } else if (blindCount == blindKeys.length) {
      blindKeys = Arrays.copyOf(blindKeys, blindCount * 2);
      blindValues = Arrays.copyOf(blindValues, blindCount * 2);
    }
    scratch.reset();
    scratch.write(prefix);
    keyCodec.encodeTo(scratch, key);
    blindKeys[blindCount] = scratch.toByteArray();
    blindValues[blindCount++] = value;
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
    checkReadable();
    scratch.reset();
    scratch.write(prefix);
    keyCodec.encodePrefixTo(scratch, keyPrefix, prefixLength);
    byte[] lower = scratch.toByteArray();
    byte[] hi = prefixLength == 0 ? upper : MemoryStateTable.successor(lower);
    EncodedKey lo = new EncodedKey(lower);
    EncodedKey high = hi == null ? null : new EncodedKey(hi);
    if (!sorted) {
      sorted = true; // a volatile write: once, not on every probe of a join
    }
    if (dirtySorted == null) {
      dirtySorted = inOrder(sortedEntries(dirty));
    }
    // The overlays in range, newest winning, as one sorted map.
    TreeMap<EncodedKey, Entry> overlay = new TreeMap<>();
    synchronized (this) {
      for (Sealed s : sealed) {
        s.addRange(lo, high, overlay);
      }
    }
    // Entry by entry: putAll would first count the range, one more walk of it.
    for (Map.Entry<EncodedKey, Entry> e : range(dirtySorted, lo, high).entrySet()) {
      overlay.put(e.getKey(), e.getValue());
    }
    KvIterator it = store.iterator(null, Keyspace.STATE, lower, hi);
    return new MergingCursor(overlay, it, descending);
  }

  /** A map's entries in key order. */
  private static Map.Entry<EncodedKey, Entry>[] sortedEntries(Map<EncodedKey, Entry> m) {
    @SuppressWarnings("unchecked")
    Map.Entry<EncodedKey, Entry>[] entries = m.entrySet().toArray(new Map.Entry[0]);
    Arrays.sort(entries, Map.Entry.comparingByKey());
    return entries;
  }

  /** Entries in key order as a tree, inserted in that order (each lands by the last one). */
  private static TreeMap<EncodedKey, Entry> inOrder(Map.Entry<EncodedKey, Entry>[] entries) {
    TreeMap<EncodedKey, Entry> t = new TreeMap<>();
    for (Map.Entry<EncodedKey, Entry> e : entries) {
      t.put(e.getKey(), e.getValue());
    }
    return t;
  }

  @SuppressWarnings("unchecked")
  private static Map.Entry<EncodedKey, Entry>[] newEntries(int n) {
    return new Map.Entry[n];
  }

  private static NavigableMap<EncodedKey, Entry> range(Map<EncodedKey, Entry> m,
      EncodedKey lo, EncodedKey hi) {
    TreeMap<EncodedKey, Entry> t = (TreeMap<EncodedKey, Entry>) m;
    return hi == null ? t.tailMap(lo, true) : t.subMap(lo, true, hi, false);
  }

  /** Merges the overlay with RocksDB's entries, in key order, skipping tombstones. */
  private final class MergingCursor implements StateCursor {
    private final Iterator<Map.Entry<EncodedKey, Entry>> overlay;
    private final KvIterator rocks;
    private final boolean descending;
    private Map.Entry<EncodedKey, Entry> nextOverlay;
    private Object[] key;
    private Object[] value;

    MergingCursor(TreeMap<EncodedKey, Entry> overlay, KvIterator rocks, boolean descending) {
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
          cmp = Arrays.compareUnsigned(rocks.key(), nextOverlay.getKey().bytes);
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
    checkReadable();
    dirty.clear();
    dirtySorted = null;
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

  /**
   * Moves the dirty writes to a sealed overlay and returns them encoded. A write-only table
   * hands over its list of writes and keeps nothing.
   */
  void seal(long epoch, List<byte[]> keys, List<byte[]> values) {
    if (spec.writeOnly()) {
      sealBlind(keys, values);
      return;
    }
    if (dirty.isEmpty()) {
      return;
    }
    Map.Entry<EncodedKey, Entry>[] entries;
    if (sorted) {
      entries = dirtySorted != null
          ? dirtySorted.entrySet().toArray(newEntries(0)) : sortedEntries(dirty);
    } else {
      Map.Entry<EncodedKey, Entry>[] all = dirty.entrySet().toArray(newEntries(0));
      byte[][] k = new byte[all.length][];
      for (int i = 0; i < k.length; i++) {
        k[i] = all[i].getKey().bytes;
      }
      int[] order = EncodedKey.roughOrder(k, k.length);
      entries = newEntries(all.length);
      for (int i = 0; i < entries.length; i++) {
        entries[i] = all[order[i]];
      }
    }
    byte[][] encodedKeys = new byte[entries.length][];
    byte[][] encodedValues = new byte[entries.length][];
    int[] hashes = new int[entries.length];
    for (int i = 0; i < entries.length; i++) {
      Map.Entry<EncodedKey, Entry> e = entries[i];
      encodedKeys[i] = e.getKey().bytes;
      hashes[i] = e.getKey().hash;
      encodedValues[i] = e.getValue().bytes();
    }
    keys.addAll(Arrays.asList(encodedKeys));
    values.addAll(Arrays.asList(encodedValues));
    Sealed s = new Sealed(epoch, encodedKeys, encodedValues, hashes,
        sorted ? entries : null);
    // Sized for an epoch like this one: growing a map of a big epoch by doubling costs more
    // than the writes that fill it.
    dirty = new HashMap<>(entries.length * 4 / 3 + 1);
    dirtySorted = null;
    synchronized (this) {
      sealed.addLast(s);
      sealedCount = sealed.size();
    }
  }

  private void sealBlind(List<byte[]> keys, List<byte[]> values) {
    int n = blindCount;
    if (n == 0) {
      return;
    }
    int[] order = EncodedKey.roughOrder(blindKeys, n);
    for (int i = 0; i < n; i++) {
      keys.add(blindKeys[order[i]]);
      values.add(blindValues[order[i]]);
    }
    // Sized for an epoch like this one, as the dirty map of a readable table is.
    blindKeys = new byte[n][];
    blindValues = new byte[n][];
    blindCount = 0;
  }

  /** Drops the sealed overlays of epochs up to {@code epoch}, which RocksDB now holds. */
  synchronized void committed(long epoch) {
    while (!sealed.isEmpty() && sealed.peekFirst().epoch <= epoch) {
      sealed.removeFirst();
    }
    sealedCount = sealed.size();
  }

  /** Forgets uncommitted writes (after a failure, before recovering from the last commit). */
  synchronized void discardUncommitted() {
    dirty.clear();
    dirtySorted = null;
    blindKeys = null;
    blindValues = null;
    blindCount = 0;
    sealed.clear();
    sealedCount = 0;
  }
}
