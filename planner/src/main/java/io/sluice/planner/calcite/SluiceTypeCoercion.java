package io.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, except that a value inserted into a CHAR or VARCHAR column is not
 * cast to the column's length: that cast would silently cut a too-long value, where SQL
 * requires an error (SQLSTATE 22001). The planner casts the value to an unbounded string and
 * storing the row checks its length. And an integer added to or subtracted from a date is a
 * number of days, as in PostgreSQL.
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

  /**
   * {@code date + n}, {@code n + date} and {@code date - n}, n an integer, move the date by n
   * days, as in PostgreSQL: n becomes an INTERVAL DAY.
   */
  @Override
  public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
    SqlKind kind = binding.getOperator().getKind();
    if (binding.getOperandCount() == 2 && (kind == SqlKind.PLUS || kind == SqlKind.MINUS)) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      int days = -1;
      if (left.getSqlTypeName() == SqlTypeName.DATE && SqlTypeUtil.isIntType(right)) {
        days = 1;
      } else if (kind == SqlKind.PLUS && SqlTypeUtil.isIntType(left)
          && right.getSqlTypeName() == SqlTypeName.DATE) {
        days = 0;
      }
      if (days >= 0) {
        // Written out: Calcite's coerceOperandType cannot spell an interval type as a CAST.
        SqlNode n = binding.getCall().operand(days);
        SqlParserPos pos = n.getParserPosition();
        SqlIntervalQualifier day = new SqlIntervalQualifier(TimeUnit.DAY, null, pos);
        SqlNode cast = SqlStdOperatorTable.CAST.createCall(pos, n, day);
        binding.getCall().setOperand(days, cast);
        updateInferredType(cast, factory.createTypeWithNullability(
            factory.createSqlIntervalType(day), binding.getOperandType(days).isNullable()));
        return true;
      }
    }
    return super.binaryArithmeticCoercion(binding);
  }

  private static boolean isString(RelDataType t) {
    return t.getSqlTypeName() == SqlTypeName.CHAR || t.getSqlTypeName() == SqlTypeName.VARCHAR;
  }
}
