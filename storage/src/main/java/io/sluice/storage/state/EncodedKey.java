package io.sluice.storage.state;

import io.sluice.storage.codec.ByteHash;
import java.util.Arrays;

/**
 * An encoded state key (a table's 8-byte id, then the key's columns) as a map key: hashed and
 * compared (unsigned, bytewise) by content. Its first 24 bytes are also kept as three longs
 * (zero-padded) and compared first: a comparison in a sorted overlay then mostly decides
 * without reading the other key's array, one cache miss fewer at every level of the tree.
 * Also the order in which an epoch's writes are handed to RocksDB ({@link #roughOrder}).
 */
final class EncodedKey implements Comparable<EncodedKey> {
  final byte[] bytes;
  final int hash;
  private final long head0;
  private final long head1;
  private final long head2;

  EncodedKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = ByteHash.hash(bytes);
    this.head0 = bigEndian(bytes, 0);
    this.head1 = bigEndian(bytes, 8);
    this.head2 = bigEndian(bytes, 16);
  }

  private static long bigEndian(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) {
      v = (v << 8) | (i < b.length ? b[i] & 0xFF : 0);
    }
    return v;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
  }

  @Override
  public int compareTo(EncodedKey o) {
    // Zero padding keeps this consistent with the bytewise order: where the heads differ,
    // the arrays differ at that byte, or the shorter one ends there and sorts first.
    int c = Long.compareUnsigned(head0, o.head0);
    if (c == 0) {
      c = Long.compareUnsigned(head1, o.head1);
    }
    if (c == 0) {
      c = Long.compareUnsigned(head2, o.head2);
    }
    return c != 0 ? c : Arrays.compareUnsigned(bytes, o.bytes);
  }

  /**
   * The positions of the first {@code n} keys in about key order. RocksDB inserts a batch into
   * its memtable much faster when each key lands next to the one before, but the order need not
   * be exact: the keys are ordered by the 8 bytes where they start to differ, less the low bits
   * that hold each key's position, with a sort of primitive longs (a sort of the keys themselves
   * costs as much as the memtable inserts it speeds up). Keys equal in those bits keep their
   * order, so of two writes of one key the later stays later.
   */
  static int[] roughOrder(byte[][] keys, int n) {
    int[] order = new int[n];
    if (n < 2) {
      return order;
    }
    byte[] first = keys[0];
    int common = first.length;
    for (int i = 1; i < n; i++) {
      int m = Arrays.mismatch(first, keys[i]);
      if (m >= 0) {
        common = Math.min(common, m);
      }
    }
    int indexBits = 64 - Long.numberOfLeadingZeros(n - 1);
    long indexMask = (1L << indexBits) - 1;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      byte[] k = keys[i];
      long window = 0;
      for (int b = 0; b < 8; b++) {
        int at = common + b;
        window = (window << 8) | (at < k.length ? k[at] & 0xFF : 0);
      }
      // Unsigned order of the window, as signed longs: flip the sign bit.
      packed[i] = ((window & ~indexMask) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(packed);
    for (int i = 0; i < n; i++) {
      order[i] = (int) (packed[i] & indexMask);
    }
    return order;
  }
}
