package io.sluice.storage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ByteHash}: equal bytes hash alike, and keys that differ in a few bytes spread out. */
class ByteHashTest {
  @Test
  void equalArraysHashAlikeAndLengthCounts() {
    assertEquals(ByteHash.hash(new byte[] {1, 2, 3}), ByteHash.hash(new byte[] {1, 2, 3}));
    assertNotEquals(ByteHash.hash(new byte[] {1, 2}), ByteHash.hash(new byte[] {1, 2, 0}));
    assertNotEquals(ByteHash.hash(new byte[0]), ByteHash.hash(new byte[] {0}));
  }

  @Test
  void sequentialKeysOfOneTableGetDistinctHashesAndFillBucketsEvenly() {
    // State keys as a table writes them: an 8-byte table id, then an encoded BIGINT.
    KeyCodec codec = new KeyCodec(List.of(
        new KeyCodec.Column(DataType.of(TypeKind.BIGINT), false, false)));
    int n = 100_000;
    Set<Integer> hashes = new HashSet<>();
    int buckets = 1 << 17;
    int[] perBucket = new int[buckets];
    for (long id = 0; id < n; id++) {
      ByteWriter w = new ByteWriter();
      w.writeLong(4_000_999L);
      codec.encodeTo(w, new Object[] {id});
      int h = ByteHash.hash(w.toByteArray());
      hashes.add(h);
      perBucket[(h ^ (h >>> 16)) & (buckets - 1)]++;
    }
    // A 32-bit hash of 100,000 keys collides about once; Arrays.hashCode gives these keys only
    // 9,122 distinct values, about 11 keys each.
    assertTrue(hashes.size() >= n - 10, hashes.size() + " distinct hashes");
    int max = 0;
    for (int c : perBucket) {
      max = Math.max(max, c);
    }
    assertTrue(max <= 8, "longest bucket " + max);
  }
}
