package io.sluice.executor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RowKey}: SQL equality, and hashes that spread keys of small integers. */
class RowKeyTest {
  @Test
  void equalInSqlsSenseMeansEqualKeys() {
    RowKey a = new RowKey(new Object[] {1L, new BigDecimal("1.0"), null});
    RowKey b = new RowKey(new Object[] {1L, new BigDecimal("1.00"), null});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new RowKey(new Object[] {1L, new BigDecimal("1.0"), 0L}));
    assertNotEquals(new RowKey(new Object[] {1L}), new RowKey(new Object[] {1L, null}));
  }

  @Test
  void pairsOfSmallIntegersGetDistinctHashes() {
    // 200 x 200 pairs; with 31 * h + v only about 6,400 distinct hashes would come out.
    Set<Integer> hashes = new HashSet<>();
    for (int a = 0; a < 200; a++) {
      for (int b = 0; b < 200; b++) {
        hashes.add(new RowKey(new Object[] {a, b}).hashCode());
      }
    }
    assertTrue(hashes.size() >= 39_990, hashes.size() + " distinct hashes of 40,000 keys");
  }
}
