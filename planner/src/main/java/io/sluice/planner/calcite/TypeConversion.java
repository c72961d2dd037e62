package io.sluice.planner.calcite;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Sluice's {@link DataType} and Calcite's {@link RelDataType}. */
public final class TypeConversion {
  private TypeConversion() {}

  /** The Calcite type of a Sluice type. */
  public static RelDataType toCalcite(RelDataTypeFactory f, DataType t) {
    RelDataType base;
    switch (t.kind()) {
      case DECIMAL:
        base = f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
        break;
      case CHAR:
        base = f.createSqlType(SqlTypeName.CHAR, t.precision());
        break;
      case VARCHAR:
        base = t.precision() == DataType.UNSPECIFIED
            ? f.createSqlType(SqlTypeName.VARCHAR)
            : f.createSqlType(SqlTypeName.VARCHAR, t.precision());
        break;
      case TIME:
        base = f.createSqlType(SqlTypeName.TIME, 0);
        break;
      case TIMESTAMP:
        base = f.createSqlType(SqlTypeName.TIMESTAMP, 3);
        break;
      default:
        base = f.createSqlType(SqlTypeName.valueOf(t.kind().name()));
    }
    return f.createTypeWithNullability(base, t.nullable());
  }

  /** The Calcite row type of a Sluice row type. */
  public static RelDataType rowTypeToCalcite(RelDataTypeFactory f, RowType rowType) {
    RelDataTypeFactory.Builder b = f.builder();
    for (Field field : rowType.fields()) {
      b.add(field.name(), toCalcite(f, field.type()));
    }
    return b.build();
  }

  /** The Sluice type of a Calcite type; an error for types Sluice cannot hold. */
  public static DataType fromCalcite(RelDataType t) {
    boolean nullable = t.isNullable();
    switch (t.getSqlTypeName()) {
      case BOOLEAN: return kind(TypeKind.BOOLEAN, nullable);
      case TINYINT: return kind(TypeKind.TINYINT, nullable);
      case SMALLINT: return kind(TypeKind.SMALLINT, nullable);
      case INTEGER: return kind(TypeKind.INTEGER, nullable);
      case BIGINT: return kind(TypeKind.BIGINT, nullable);
      case DECIMAL: {
        int precision = Math.min(Math.max(t.getPrecision(), 1), DataType.MAX_DECIMAL_PRECISION);
        int scale = Math.max(0, Math.min(t.getScale(), precision));
        return new DataType(TypeKind.DECIMAL, precision, scale, nullable);
      }
      case REAL: return kind(TypeKind.REAL, nullable);
      case FLOAT:
      case DOUBLE: return kind(TypeKind.DOUBLE, nullable);
      case CHAR:
        return new DataType(TypeKind.CHAR, Math.max(1, t.getPrecision()), 0, nullable);
      case VARCHAR: {
        int p = t.getPrecision();
        return new DataType(TypeKind.VARCHAR,
            p == RelDataType.PRECISION_NOT_SPECIFIED || p >= 65536 ? DataType.UNSPECIFIED : p, 0,
            nullable);
      }
      case DATE: return kind(TypeKind.DATE, nullable);
      case TIME: return kind(TypeKind.TIME, nullable);
      case TIMESTAMP: return kind(TypeKind.TIMESTAMP, nullable);
      case NULL: return kind(TypeKind.NULL, true);
      default:
        throw SluiceException.unsupported("values of type " + t.getFullTypeString()
            + " cannot be stored or returned");
    }
  }

  private static DataType kind(TypeKind k, boolean nullable) {
    return new DataType(k, DataType.UNSPECIFIED, 0, nullable);
  }

  /** The Sluice row type of a Calcite row type. */
  public static RowType rowTypeFromCalcite(RelDataType rowType) {
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      fields.add(new Field(f.getName(), fromCalcite(f.getType())));
    }
    return new RowType(fields);
  }
}
