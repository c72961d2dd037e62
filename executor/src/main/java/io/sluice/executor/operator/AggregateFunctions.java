package io.sluice.executor.operator;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import io.sluice.plan.node.AggCall;
import java.math.BigDecimal;

/**
 * The arithmetic of each aggregate function over its accumulator columns (the layout {@link
 * io.sluice.plan.node.AggregateNode#accumulatorTypes} declares). Every function is invertible:
 * adding a value with a negative weight removes it. MIN, MAX, ANY_VALUE, SINGLE_VALUE and
 * STRING_AGG keep only their current result and a count here; their values live in a state
 * table of their own.
 */
final class AggregateFunctions {
  private AggregateFunctions() {}

  /** Sets a fresh accumulator at {@code offset}. */
  static void init(AggCall call, Object[] acc, int offset) {
    switch (call.kind()) {
      case COUNT:
        acc[offset] = 0L;
        break;
      case SUM:
      case SUM0:
        acc[offset] = zero(call.type().kind());
        acc[offset + 1] = 0L;
        if (approximate(call)) {
          acc[offset + 2] = 0L;
          acc[offset + 3] = 0L;
          acc[offset + 4] = 0L;
        }
        break;
      case MIN:
      case MAX:
      case ANY_VALUE:
      case SINGLE_VALUE:
      case STRING_AGG:
        acc[offset] = null;
        acc[offset + 1] = 0L;
        break;
      case BOOL_AND:
      case BOOL_OR:
        acc[offset] = 0L;
        acc[offset + 1] = 0L;
        break;
      case LITERAL:
        break;
      default:
        throw new IllegalStateException(call.kind().name());
    }
  }

  /** Counts {@code delta} more rows for COUNT. */
  static void count(Object[] acc, int offset, long delta) {
    acc[offset] = (Long) acc[offset] + delta;
  }

  /** Adds a non-null value {@code weight} times to a SUM or SUM0. */
  static void sum(AggCall call, Object[] acc, int offset, Object value, long weight) {
    TypeKind kind = call.type().kind();
    Object sum = acc[offset];
    switch (kind) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        try {
          long v = ((Number) value).longValue();
          acc[offset] = Math.addExact(((Number) sum).longValue(), Math.multiplyExact(v, weight));
        } catch (ArithmeticException e) {
          throw new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
              "SUM is out of range for " + call.type().typeName());
        }
        break;
      case DECIMAL:
        acc[offset] = ((BigDecimal) sum).add(
            Values.toBigDecimal((Number) value).multiply(BigDecimal.valueOf(weight)));
        break;
      case REAL:
      case DOUBLE: {
        // Exactly: the sum of finite values as a BigDecimal, the others counted.
        double d = ((Number) value).doubleValue();
        int special = Double.isNaN(d) ? 4 : d == Double.POSITIVE_INFINITY ? 2
            : d == Double.NEGATIVE_INFINITY ? 3 : 0;
        if (special == 0) {
          acc[offset] = ((BigDecimal) sum).add(
              new BigDecimal(d).multiply(BigDecimal.valueOf(weight)));
        } else {
          acc[offset + special] = (Long) acc[offset + special] + weight;
        }
        break;
      }
      default:
        throw SluiceException.unsupported("SUM over " + call.type().typeName());
    }
    acc[offset + 1] = (Long) acc[offset + 1] + weight;
  }

  /** Counts a non-null boolean {@code weight} times for BOOL_AND / BOOL_OR. */
  static void bool(Object[] acc, int offset, boolean value, long weight) {
    int i = value ? offset : offset + 1;
    acc[i] = (Long) acc[i] + weight;
  }

  /** The function's result from its accumulator. */
  static Object result(AggCall call, Object[] acc, int offset) {
    DataType type = call.type();
    switch (call.kind()) {
      case COUNT:
        return Values.convert(acc[offset], type.kind());
      case SUM:
        if ((Long) acc[offset + 1] == 0) {
          return null;
        }
        return approximate(call) ? approximateSum(call, acc, offset) : narrow(call, acc[offset]);
      case SUM0:
        return approximate(call) ? approximateSum(call, acc, offset) : narrow(call, acc[offset]);
      case MIN:
      case MAX:
      case ANY_VALUE:
      case SINGLE_VALUE:
      case STRING_AGG:
        return acc[offset];
      case BOOL_AND: {
        long trues = (Long) acc[offset];
        long falses = (Long) acc[offset + 1];
        return falses > 0 ? Boolean.FALSE : trues > 0 ? Boolean.TRUE : null;
      }
      case BOOL_OR: {
        long trues = (Long) acc[offset];
        long falses = (Long) acc[offset + 1];
        return trues > 0 ? Boolean.TRUE : falses > 0 ? Boolean.FALSE : null;
      }
      case LITERAL:
        return call.literal();
      default:
        throw new IllegalStateException(call.kind().name());
    }
  }

  private static Object zero(TypeKind kind) {
    switch (kind) {
      case DECIMAL:
      case REAL:
      case DOUBLE: return BigDecimal.ZERO;
      default: return 0L;
    }
  }

  /** Whether a SUM is over REAL or DOUBLE (its accumulator is exact, see AggregateNode). */
  private static boolean approximate(AggCall call) {
    TypeKind kind = call.type().kind();
    return kind == TypeKind.DOUBLE || kind == TypeKind.REAL;
  }

  /**
   * A REAL or DOUBLE sum from its exact accumulator: NaN if a NaN is among the values or both
   * infinities are, an infinity if one is, else the exact sum of the values rounded once.
   */
  private static Object approximateSum(AggCall call, Object[] acc, int offset) {
    long posInf = (Long) acc[offset + 2];
    long negInf = (Long) acc[offset + 3];
    long nan = (Long) acc[offset + 4];
    double d;
    if (nan > 0 || (posInf > 0 && negInf > 0)) {
      d = Double.NaN;
    } else if (posInf > 0) {
      d = Double.POSITIVE_INFINITY;
    } else if (negInf > 0) {
      d = Double.NEGATIVE_INFINITY;
    } else {
      d = ((BigDecimal) acc[offset]).doubleValue();
    }
    return call.type().kind() == TypeKind.REAL ? (Object) (float) d : (Object) d;
  }

  private static Object narrow(AggCall call, Object sum) {
    TypeKind kind = call.type().kind();
    if (kind == TypeKind.INTEGER || kind == TypeKind.SMALLINT || kind == TypeKind.TINYINT) {
      checkRange(((Number) sum).longValue(), call.type(), "SUM");
    }
    if (kind == TypeKind.DECIMAL) {
      BigDecimal d = (BigDecimal) sum;
      if (d.scale() < call.type().scale()) {
        d = d.setScale(call.type().scale());
      }
      return d;
    }
    return Values.convert(sum, kind);
  }

  /**
   * Fails with 22003 when {@code v} does not fit the integer type {@code type} (TINYINT,
   * SMALLINT, INTEGER; anything else takes every long).
   */
  static long checkRange(long v, DataType type, String function) {
    if (v < type.kind().minInteger() || v > type.kind().maxInteger()) {
      throw new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          function + " is out of range for " + type.typeName());
    }
    return v;
  }
}
