package io.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Sluice's type rules where they differ from Calcite's defaults: DECIMAL goes to 38 digits,
 * SUM over integers is BIGINT (so sums do not overflow the column type, as in PostgreSQL),
 * CASE or UNION over strings of different lengths gives VARCHAR rather than blank-padded CHAR,
 * casts to fewer decimal digits round half away from zero (as PostgreSQL) instead of
 * truncating, and a TIMESTAMP has milliseconds unless it says otherwise.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {
  /** The one instance. */
  public static final SluiceTypeSystem INSTANCE = new SluiceTypeSystem();

  private static final int MAX_DECIMAL = 38;

  private SluiceTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }

  /**
   * A TIMESTAMP without a precision has milliseconds, as a TIMESTAMP column does, so that
   * {@code CAST('... 10:00:00.123' AS TIMESTAMP)} keeps them (Calcite's default is 0).
   */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.TIMESTAMP ? 3 : super.getDefaultPrecision(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    switch (argumentType.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
      default:
        return super.deriveSumType(typeFactory, argumentType);
    }
  }

  @Override
  public java.math.RoundingMode roundingMode() {
    return java.math.RoundingMode.HALF_UP;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
