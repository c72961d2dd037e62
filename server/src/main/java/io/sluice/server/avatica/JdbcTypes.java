package io.sluice.server.avatica;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.TypeKind;
import io.sluice.common.types.Values;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * How Sluice types look over JDBC: column metadata for results, parameter metadata, and
 * parameter values converted to the internal representation. Values travel in Sluice's internal
 * form (DATE as days, TIMESTAMP as milliseconds), which Avatica's client turns into JDBC objects.
 */
final class JdbcTypes {
  private JdbcTypes() {}

  /** The Avatica representation a type's values travel in. */
  static ColumnMetaData.Rep rep(TypeKind kind) {
    switch (kind) {
      case BOOLEAN: return ColumnMetaData.Rep.BOOLEAN;
      case TINYINT: return ColumnMetaData.Rep.BYTE;
      case SMALLINT: return ColumnMetaData.Rep.SHORT;
      case INTEGER: return ColumnMetaData.Rep.INTEGER;
      case BIGINT: return ColumnMetaData.Rep.LONG;
      case DECIMAL: return ColumnMetaData.Rep.NUMBER;
      case REAL: return ColumnMetaData.Rep.FLOAT;
      case DOUBLE: return ColumnMetaData.Rep.DOUBLE;
      case CHAR:
      case VARCHAR: return ColumnMetaData.Rep.STRING;
      case DATE:
      case TIME: return ColumnMetaData.Rep.INTEGER;
      case TIMESTAMP: return ColumnMetaData.Rep.LONG;
      default: return ColumnMetaData.Rep.OBJECT;
    }
  }

  /** The Java class JDBC's getObject returns for a type. */
  static String className(TypeKind kind) {
    switch (kind) {
      case DATE: return java.sql.Date.class.getName();
      case TIME: return java.sql.Time.class.getName();
      case TIMESTAMP: return java.sql.Timestamp.class.getName();
      case NULL: return Object.class.getName();
      default: return kind.internalClass().getName();
    }
  }

  /** Precision as JDBC reports it (column size). */
  static int precision(DataType t) {
    switch (t.kind()) {
      case BOOLEAN: return 1;
      case TINYINT: return 3;
      case SMALLINT: return 5;
      case INTEGER: return 10;
      case BIGINT: return 19;
      case REAL: return 7;
      case DOUBLE: return 15;
      case DECIMAL: return t.precision();
      case CHAR:
      case VARCHAR: return t.precision() == DataType.UNSPECIFIED ? Integer.MAX_VALUE : t.precision();
      case DATE: return 10;
      case TIME: return 8;
      case TIMESTAMP: return 23;
      default: return 0;
    }
  }

  /** Display size as JDBC reports it. */
  static int displaySize(DataType t) {
    switch (t.kind()) {
      case DECIMAL: return t.precision() + 2;
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT: return precision(t) + 1;
      case REAL: return 15;
      case DOUBLE: return 24;
      case CHAR:
      case VARCHAR: return t.precision() == DataType.UNSPECIFIED ? 65536 : t.precision();
      default: return precision(t);
    }
  }

  /**
   * Precision as result metadata reports it: for TIME and TIMESTAMP the digits of fractional
   * seconds (Avatica formats getString with that many), otherwise the column size.
   */
  static int resultPrecision(DataType t) {
    switch (t.kind()) {
      case TIME: return 0;
      case TIMESTAMP: return 3;
      default: return precision(t);
    }
  }

  /** The metadata of result column {@code ordinal} (from 0). */
  static ColumnMetaData column(int ordinal, Field field) {
    DataType t = field.type();
    ColumnMetaData.AvaticaType type = ColumnMetaData.scalar(t.kind().jdbcType(),
        t.kind().sqlName(), rep(t.kind()));
    return new ColumnMetaData(ordinal, false, t.kind().isCharacter(), true, false,
        t.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        t.kind().isNumeric(), displaySize(t), field.name(), field.name(), null,
        resultPrecision(t),
        t.kind() == TypeKind.DECIMAL ? t.scale() : 0, null, null, type, true, false, false,
        className(t.kind()));
  }

  /** The metadata of a parameter. */
  static AvaticaParameter parameter(int ordinal, DataType t) {
    return new AvaticaParameter(t.kind().isNumeric(), precision(t),
        t.kind() == TypeKind.DECIMAL ? t.scale() : 0, t.kind().jdbcType(), t.kind().sqlName(),
        className(t.kind()), "?" + (ordinal + 1));
  }

  /** A parameter value, as sent by the client, in the internal representation of its type. */
  static Object toInternal(TypedValue value, DataType target) {
    if (value == null || value.value == null) {
      return null;
    }
    Object v = value.value;
    ColumnMetaData.Rep rep = value.type;
    TypeKind kind = target.kind();
    try {
      switch (kind) {
        case DATE:
          if (rep == ColumnMetaData.Rep.JAVA_SQL_DATE) {
            return ((Number) v).intValue();
          }
          if (rep == ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP || rep == ColumnMetaData.Rep.JAVA_UTIL_DATE) {
            return (int) Math.floorDiv(((Number) v).longValue(), DateTimeUtils.MILLIS_PER_DAY);
          }
          if (v instanceof String s) {
            return DateTimeUtils.dateStringToUnixDate(s.trim());
          }
          break;
        case TIME:
          if (rep == ColumnMetaData.Rep.JAVA_SQL_TIME) {
            return ((Number) v).intValue();
          }
          if (v instanceof String s) {
            return DateTimeUtils.timeStringToUnixDate(s.trim());
          }
          break;
        case TIMESTAMP:
          if (rep == ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP || rep == ColumnMetaData.Rep.JAVA_UTIL_DATE) {
            return ((Number) v).longValue();
          }
          if (rep == ColumnMetaData.Rep.JAVA_SQL_DATE) {
            return ((Number) v).longValue() * DateTimeUtils.MILLIS_PER_DAY;
          }
          if (v instanceof String s) {
            return DateTimeUtils.timestampStringToUnixDate(s.trim());
          }
          break;
        case BOOLEAN:
          if (v instanceof Boolean) {
            return v;
          }
          if (v instanceof String s) {
            String l = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (l.equals("true") || l.equals("t") || l.equals("1")) {
              return true;
            }
            if (l.equals("false") || l.equals("f") || l.equals("0")) {
              return false;
            }
          }
          if (v instanceof Number n) {
            return n.intValue() != 0;
          }
          break;
        case CHAR:
        case VARCHAR:
          return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        case NULL:
          return v;
        default:
          if (kind.isNumeric()) {
            Number n = v instanceof Number num ? num
                : v instanceof String s ? new BigDecimal(s.trim())
                : v instanceof Boolean b ? (b ? 1 : 0) : null;
            if (n != null) {
              return numeric(n, target);
            }
          }
      }
    } catch (NumberFormatException e) {
      throw new SluiceException(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid input for type " + target.typeName() + ": '" + v + "'");
    } catch (ArithmeticException e) {
      throw new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "the value " + v
          + " is out of range for a parameter of type " + target.typeName());
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new SluiceException(SqlState.INVALID_DATETIME_FORMAT,
          "invalid input for type " + target.typeName() + ": '" + v + "'");
    }
    throw new SluiceException(SqlState.DATATYPE_MISMATCH, "a parameter of type "
        + target.typeName() + " cannot take the value '" + v + "' (" + rep + ")");
  }

  private static Object numeric(Number n, DataType target) {
    TypeKind kind = target.kind();
    if (kind.isInteger() && (n instanceof BigDecimal || n instanceof Double || n instanceof Float)) {
      BigDecimal d = Values.toBigDecimal(n);
      if (d.stripTrailingZeros().scale() > 0) {
        throw new SluiceException(SqlState.DATATYPE_MISMATCH, "the value " + n
            + " is not an integer, as a parameter of type " + target.typeName() + " must be");
      }
      n = d.longValueExact();
    }
    if (kind.isInteger()) {
      long v = n.longValue();
      if (v < kind.minInteger() || v > kind.maxInteger()) {
        throw new SluiceException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "the value " + n
            + " is out of range for a parameter of type " + target.typeName());
      }
    }
    return Values.convert(n, kind);
  }
}
