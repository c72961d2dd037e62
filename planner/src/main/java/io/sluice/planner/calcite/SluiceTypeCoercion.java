package io.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, except that a value inserted into a CHAR or VARCHAR column is not
 * cast to the column's length: that cast would silently cut a too-long value, where SQL
 * requires an error (SQLSTATE 22001). The planner casts the value to an unbounded string and
 * storing the row checks its length.
 */
final class SluiceTypeCoercion extends TypeCoercionImpl {
  SluiceTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean querySourceCoercion(SqlValidatorScope scope, RelDataType sourceRowType,
      RelDataType targetRowType, SqlNode query) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (int i = 0; i < targetRowType.getFieldCount(); i++) {
      RelDataTypeField target = targetRowType.getFieldList().get(i);
      RelDataType t = target.getType();
      if (isString(t)) {
        RelDataType source = i < sourceRowType.getFieldCount()
            ? sourceRowType.getFieldList().get(i).getType() : null;
        t = source != null && isString(source) ? source
            : factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR),
                t.isNullable());
      }
      b.add(target.getName(), t);
    }
    return super.querySourceCoercion(scope, sourceRowType, b.build(), query);
  }

  private static boolean isString(RelDataType t) {
    return t.getSqlTypeName() == SqlTypeName.CHAR || t.getSqlTypeName() == SqlTypeName.VARCHAR;
  }
}
