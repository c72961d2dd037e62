package io.sluice.server.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An immutable map from names, split into buckets by hash, so that a version with one entry
 * added or removed copies one bucket rather than the whole map. Every DDL statement makes a
 * new catalog version; with thousands of views a full copy per statement was a large part of
 * creating and dropping a view.
 */
final class BucketMap<V> {
  private static final int BUCKETS = 64;

  private final Map<String, V>[] buckets;
  private final int size;

  private BucketMap(Map<String, V>[] buckets, int size) {
    this.buckets = buckets;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <V> BucketMap<V> of(Map<String, V> entries) {
    Map<String, V>[] b = new Map[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      b[i] = new HashMap<>();
    }
    for (Map.Entry<String, V> e : entries.entrySet()) {
      b[bucket(e.getKey())].put(e.getKey(), e.getValue());
    }
    for (int i = 0; i < BUCKETS; i++) {
      b[i] = Collections.unmodifiableMap(b[i]);
    }
    return new BucketMap<>(b, entries.size());
  }

  private static int bucket(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (BUCKETS - 1);
  }

  V get(String key) {
    return buckets[bucket(key)].get(key);
  }

  boolean containsKey(String key) {
    return buckets[bucket(key)].containsKey(key);
  }

  int size() {
    return size;
  }

  /** This map with the key mapped to the value (replacing any entry for the key). */
  BucketMap<V> with(String key, V value) {
    int i = bucket(key);
    Map<String, V> copy = new HashMap<>(buckets[i]);
    boolean replaced = copy.put(key, value) != null;
    Map<String, V>[] b = Arrays.copyOf(buckets, BUCKETS);
    b[i] = Collections.unmodifiableMap(copy);
    return new BucketMap<>(b, replaced ? size : size + 1);
  }

  /** This map without the key. */
  BucketMap<V> without(String key) {
    int i = bucket(key);
    if (!buckets[i].containsKey(key)) {
      return this;
    }
    Map<String, V> copy = new HashMap<>(buckets[i]);
    copy.remove(key);
    Map<String, V>[] b = Arrays.copyOf(buckets, BUCKETS);
    b[i] = Collections.unmodifiableMap(copy);
    return new BucketMap<>(b, size - 1);
  }

  /** Calls the action with every value, in no particular order, copying nothing. */
  void forEachValue(Consumer<? super V> action) {
    for (Map<String, V> m : buckets) {
      m.values().forEach(action);
    }
  }

  /** Every value, in no particular order. */
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (Map<String, V> m : buckets) {
      out.addAll(m.values());
    }
    return out;
  }
}
