package io.sluice.common.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Values}' operations must agree with each other, since hash joins and groups use
 * equality and hashing while sorts use the comparison: equal values hash equally and compare as
 * 0, and unequal values do not compare as 0. Checked over every pair of a list of values of one
 * kind that includes the documented special cases (1.0 equals 1.00, -0.0 equals 0.0).
 */
class ValuesTest {
  private static final List<List<Object>> VALUES_BY_KIND = List.of(
      List.of(new BigDecimal("1.0"), new BigDecimal("1.00"), new BigDecimal("1E+1"),
          new BigDecimal("10"), new BigDecimal("-0.00"), BigDecimal.ZERO, new BigDecimal("-1")),
      List.of(-0.0d, 0.0d, Double.NaN, 0.0d / 0.0d, Double.NEGATIVE_INFINITY, 1.5d, -1.5d),
      List.of(-0.0f, 0.0f, Float.NaN, Float.POSITIVE_INFINITY, 2.5f),
      List.of(1, 2, -1, Integer.MIN_VALUE),
      List.of("", "a", "ab", "b"));

  @Test
  void equalValuesHashEqually() {
    for (List<Object> values : VALUES_BY_KIND) {
      for (Object a : values) {
        for (Object b : values) {
          if (Values.equal(a, b)) {
            assertEquals(Values.hash(a), Values.hash(b), a + " equals " + b);
          }
        }
      }
    }
  }

  @Test
  void compareIsZeroExactlyForEqualValues() {
    for (List<Object> values : VALUES_BY_KIND) {
      for (Object a : values) {
        for (Object b : values) {
          assertEquals(Values.equal(a, b), Values.compare(a, b) == 0,
              "equal(" + a + ", " + b + ") is " + Values.equal(a, b) + " but compare is "
                  + Values.compare(a, b));
        }
      }
    }
  }

  @Test
  void convertChangesNumbersToTheTargetKindsClass() {
    assertEquals(Long.valueOf(3), Values.convert(3, TypeKind.BIGINT));
    assertEquals(new BigDecimal("3"), Values.convert((short) 3, TypeKind.DECIMAL));
    assertEquals(Double.valueOf(2.5), Values.convert(2.5f, TypeKind.DOUBLE));
    assertEquals("x", Values.convert("x", TypeKind.BIGINT));
  }
}
