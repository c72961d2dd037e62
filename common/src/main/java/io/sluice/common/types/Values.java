package io.sluice.common.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Operations on internal values that must agree everywhere: conversion between numeric kinds,
 * SQL equality and hashing (1.0 equals 1.00, -0.0 equals 0.0), and ordering.
 */
public final class Values {
  private Values() {}

  /**
   * Converts a non-null internal value to the internal class of {@code target}. Numbers convert
   * between numeric kinds (widening, or exact narrowing for keys compared across types); other
   * values are returned unchanged.
   */
  public static Object convert(Object value, TypeKind target) {
    if (value == null || target.internalClass().isInstance(value)) {
      return value;
    }
    if (!(value instanceof Number n)) {
      return value;
    }
    switch (target) {
      case TINYINT: return n.byteValue();
      case SMALLINT: return n.shortValue();
      case INTEGER:
      case DATE:
      case TIME:
        return n.intValue();
      case BIGINT:
      case TIMESTAMP:
        return n.longValue();
      case REAL: return n.floatValue();
      case DOUBLE: return n.doubleValue();
      case DECIMAL: return toBigDecimal(n);
      default: return value;
    }
  }

  /** A number as a BigDecimal, exactly. */
  public static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  /** SQL equality of two internal values of one column (null equals null here). */
  public static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue() || (x.isNaN() && y.isNaN());
    }
    if (a instanceof Float x && b instanceof Float y) {
      return x.floatValue() == y.floatValue() || (x.isNaN() && y.isNaN());
    }
    return a.equals(b);
  }

  /**
   * Whether two rows hold the same values and would be shown the same: {@link #equal} per
   * value, and decimals at the same scale too (1.0 and 1.00 are equal but not identical). A row
   * that changes only a decimal's scale has still changed.
   */
  public static boolean identicalRows(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!equal(a[i], b[i])) {
        return false;
      }
      if (a[i] instanceof BigDecimal x && b[i] instanceof BigDecimal y && x.scale() != y.scale()) {
        return false;
      }
    }
    return true;
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
    }
    if (v instanceof Double d) {
      return d == 0.0 ? 0 : d.hashCode();
    }
    if (v instanceof Float f) {
      return f == 0.0f ? 0 : f.hashCode();
    }
    return v.hashCode();
  }

  /**
   * Compares two non-null internal values of one column in SQL order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      // -0.0 equals 0.0 in SQL; NaN sorts after every number, as Double.compare has it.
      return Double.compare(x == 0.0d ? 0.0d : x, y == 0.0d ? 0.0d : y);
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.compare(x == 0.0f ? 0.0f : x, y == 0.0f ? 0.0f : y);
    }
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return toBigDecimal(x).compareTo(toBigDecimal(y));
    }
    return ((Comparable) a).compareTo(b);
  }
}
