package io.sluice.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparison the differential test relies on: it must tell results apart that differ by
 * one duplicate, a NULL or a number, and must not tell apart results that only represent the
 * same answer differently.
 */
class ResultRowsTest {

  @Test
  void sameRowsInAnotherOrderAndRepresentationAreEqual() {
    List<List<Object>> a = rows(row(1, new BigDecimal("1.50"), 0.1 + 0.2, "x"),
        row(2L, null, 1.0, ""));
    List<List<Object>> b = rows(row(new BigDecimal("2"), null, 1.0, ""),
        row((short) 1, new BigDecimal("1.5"), 0.3, "x"));
    assertTrue(ResultRows.diff(a, b).isEmpty());
  }

  @Test
  void aMissingDuplicateIsADifference() {
    ResultRows.Diff d = ResultRows.diff(rows(row(1, "a"), row(1, "a")), rows(row(1, "a")));
    assertEquals(List.of(row(BigDecimal.ONE, "a")), d.missing());
    assertTrue(d.extra().isEmpty());
  }

  @Test
  void nullIsNeitherZeroNorTheEmptyString() {
    assertFalse(ResultRows.diff(rows(row(0, "")), rows(row(null, ""))).isEmpty());
    assertFalse(ResultRows.diff(rows(row(0, "")), rows(row(0, null))).isEmpty());
  }

  @Test
  void approximateNumbersMatchOnlyWithinTheTolerance() {
    assertTrue(ResultRows.diff(rows(row(1e12)), rows(row(1e12 + 1e-3))).isEmpty());
    assertFalse(ResultRows.diff(rows(row(0.1)), rows(row(0.1001))).isEmpty());
    assertFalse(ResultRows.diff(rows(row(1.0)), rows(row(new BigDecimal("1.01")))).isEmpty());
  }

  @Test
  void datesCompareByValue() {
    assertTrue(ResultRows.diff(rows(row(java.sql.Date.valueOf("2024-02-29"))),
        rows(row(java.time.LocalDate.of(2024, 2, 29)))).isEmpty());
  }

  @Test
  void theDescriptionNamesBothSides() {
    String text = ResultRows.diff(rows(row(1, "a")), rows(row(2, "a"))).describe("H2", "view");
    assertEquals("""
            1 row(s) in H2, not in view:
              (1, 'a')
            1 row(s) in view, not in H2:
              (2, 'a')
        """, text);
  }

  private static List<Object> row(Object... values) {
    List<Object> out = new ArrayList<>();
    for (Object v : Arrays.asList(values)) {
      out.add(ResultRows.normalize(v));
    }
    return out;
  }

  @SafeVarargs
  private static List<List<Object>> rows(List<Object>... rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(r);
    }
    return out;
  }
}
