package io.sluice.executor.dml;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import io.sluice.plan.catalog.TableDef;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Checks a row against its table before it is stored, and puts values in their stored form:
 * NOT NULL, string lengths (CHAR padded with spaces), DECIMAL scale and precision, integer
 * ranges. An error names the column and the table.
 */
final class RowValidator {
  private final TableDef table;
  private final DataType[] types;

  RowValidator(TableDef table) {
    this.table = table;
    this.types = table.rowType().types().toArray(new DataType[0]);
  }

  /** The row as it will be stored; throws if it does not fit. */
  Object[] validate(Object[] row) {
    if (row.length != types.length) {
      throw SluiceException.internal("row has " + row.length + " values for "
          + types.length + " columns of " + table.qualifiedName(), null);
    }
    Object[] out = row.clone();
    for (int i = 0; i < types.length; i++) {
      out[i] = value(i, row[i]);
    }
    return out;
  }

  private Object value(int i, Object v) {
    DataType type = types[i];
    if (v == null) {
      if (!type.nullable()) {
        throw new SluiceException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
            + column(i) + "\" of table \"" + table.name() + "\" violates its NOT NULL constraint");
      }
      return null;
    }
    switch (type.kind()) {
      case VARCHAR: {
        String s = v.toString();
        int n = type.precision();
        if (n != DataType.UNSPECIFIED && s.length() > n) {
          // As the standard says: excess trailing spaces are cut, anything else is an error.
          if (s.substring(n).isBlank() && s.substring(n).chars().allMatch(c -> c == ' ')) {
            return s.substring(0, n);
          }
          throw tooLong(i, type);
        }
        return s;
      }
      case CHAR: {
        String s = v.toString();
        int n = type.precision();
        if (s.length() > n) {
          String trimmed = s.replaceAll(" +$", "");
          if (trimmed.length() > n) {
            throw tooLong(i, type);
          }
          s = trimmed;
        }
        return s.length() < n ? s + " ".repeat(n - s.length()) : s;
      }
      case DECIMAL: {
        BigDecimal d = Values.toBigDecimal((Number) v).setScale(type.scale(), RoundingMode.HALF_UP);
        if (d.precision() - d.scale() > type.precision() - type.scale()) {
          throw new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value " + v
              + " does not fit column \"" + column(i) + "\" of type " + type.typeName());
        }
        return d;
      }
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return integer(i, type.kind(), (Number) v);
      default:
        return Values.convert(v, type.kind());
    }
  }

  private Object integer(int i, TypeKind kind, Number n) {
    if (n instanceof BigDecimal || n instanceof Double || n instanceof Float) {
      return Values.convert(n, kind);
    }
    long v = n.longValue();
    if (kind == TypeKind.BIGINT) {
      return v;
    }
    if (v < kind.minInteger() || v > kind.maxInteger()) {
      throw new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value " + v
          + " is out of range for column \"" + column(i) + "\" of type " + kind.sqlName());
    }
    return Values.convert(n, kind);
  }

  private SluiceException tooLong(int i, DataType type) {
    return new SluiceException(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for column \""
        + column(i) + "\" of type " + type.typeName());
  }

  private String column(int i) {
    return table.rowType().field(i).name();
  }
}
