package io.sluice.storage.state;

import io.sluice.storage.codec.ByteWriter;
import io.sluice.storage.codec.KeyCodec;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A state table in a {@link TreeMap} ordered by the encoded key, so that its order is exactly
 * the order a RocksDB-backed table has. Values are kept as objects, not encoded.
 */
final class MemoryStateTable implements StateTable {
  private final StateTableSpec spec;
  private final KeyCodec codec;
  private final TreeMap<byte[], Entry> map = new TreeMap<>(Arrays::compareUnsigned);
  private final ByteWriter scratch = new ByteWriter(64);

  private record Entry(Object[] key, Object[] value) {}

  MemoryStateTable(StateTableSpec spec) {
    this.spec = spec;
    this.codec = new KeyCodec(spec.keyColumns());
  }

  @Override
  public StateTableSpec spec() {
    return spec;
  }

  private byte[] encode(Object[] key) {
    scratch.reset();
    codec.encodeTo(scratch, key);
    return scratch.toByteArray();
  }

  private void checkReadable() {
    if (spec.writeOnly()) {
      throw spec.readRefused();
    }
  }

  @Override
  public Object[] get(Object[] key) {
    checkReadable();
    Entry e = map.get(encode(key));
    return e == null ? null : e.value();
  }

  @Override
  public void put(Object[] key, Object[] value) {
    map.put(encode(key), new Entry(key, value));
  }

  @Override
  public void delete(Object[] key) {
    map.remove(encode(key));
  }

  @Override
  public StateCursor scan(Object[] prefix, int prefixLength) {
    checkReadable();
    return cursor(range(prefix, prefixLength).entrySet().iterator());
  }

  @Override
  public StateCursor scanDescending(Object[] prefix, int prefixLength) {
    checkReadable();
    return cursor(range(prefix, prefixLength).descendingMap().entrySet().iterator());
  }

  private NavigableMap<byte[], Entry> range(Object[] prefix, int prefixLength) {
    if (prefixLength == 0) {
      return map;
    }
    scratch.reset();
    codec.encodePrefixTo(scratch, prefix, prefixLength);
    byte[] lower = scratch.toByteArray();
    byte[] upper = successor(lower);
    return upper == null ? map.tailMap(lower, true) : map.subMap(lower, true, upper, false);
  }

  static byte[] successor(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] s = Arrays.copyOf(prefix, i + 1);
        s[i]++;
        return s;
      }
    }
    return null;
  }

  private static StateCursor cursor(Iterator<Map.Entry<byte[], Entry>> it) {
    return new StateCursor() {
      private Entry current;

      @Override
      public boolean next() {
        if (!it.hasNext()) {
          current = null;
          return false;
        }
        current = it.next().getValue();
        return true;
      }

      @Override
      public Object[] key() {
        return current.key();
      }

      @Override
      public Object[] value() {
        return current.value();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void clear() {
    map.clear();
  }

  @Override
  public long estimatedSize() {
    checkReadable();
    return map.size();
  }
}
