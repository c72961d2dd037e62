package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites a statement before validation where Calcite's typing differs from what Sluice
 * promises.
 *
 * <ul>
 *   <li>Unary plus goes: {@code +x} is {@code x}, whatever the type of x, as in SQLite and
 *       MySQL. Calcite would first cast a string operand to a number, so {@code + 'abc'} would
 *       fail at run time for an operator that does nothing.
 *   <li>The value of STRING_AGG and LISTAGG becomes a nullable VARCHAR without a length, since
 *       Calcite types their result as the value's type. Over a VARCHAR(20) column the result
 *       would claim to be a VARCHAR(20) while holding every name of the group; over a NOT NULL
 *       column it would claim never to be NULL, which it is over no rows, and {@code
 *       COALESCE(STRING_AGG(name, ','), '')} would lose its second operand. PostgreSQL's result
 *       is a nullable text.
 *   <li>PostgreSQL functions Calcite lacks become the standard SQL they mean ({@link
 *       PostgresFunctions}).
 * </ul>
 */
final class BeforeValidation extends SqlShuttle {
  private static final BeforeValidation INSTANCE = new BeforeValidation();

  private BeforeValidation() {}

  /** The statement rewritten (changed in place where it can be). */
  static SqlNode rewrite(SqlNode node) {
    SqlNode out = node.accept(INSTANCE);
    return out == null ? node : out;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.PLUS_PREFIX) {
      SqlNode operand = call.operand(0);
      return operand.accept(this);
    }
    for (int i = 0; i < call.operandCount(); i++) {
      SqlNode operand = call.operand(i);
      if (operand != null) {
        SqlNode replaced = operand.accept(this);
        if (replaced != operand) {
          call.setOperand(i, replaced);
        }
      }
    }
    SqlNode standard = PostgresFunctions.rewrite(call);
    if (standard != null) {
      return standard;
    }
    if ((call.getKind() == SqlKind.STRING_AGG || call.getKind() == SqlKind.LISTAGG)
        && call.operandCount() > 0 && !(call.operand(0) instanceof SqlNodeList)) {
      call.setOperand(0, nullableText(call.operand(0)));
    }
    return call;
  }

  /** CASE WHEN FALSE THEN NULL ELSE CAST(value AS VARCHAR) END: the value, typed so. */
  private static SqlNode nullableText(SqlNode value) {
    SqlParserPos pos = value.getParserPosition();
    SqlNode text = SqlStdOperatorTable.CAST.createCall(pos, value,
        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
    return new SqlCase(pos, null, SqlNodeList.of(SqlLiteral.createBoolean(false, pos)),
        SqlNodeList.of(SqlLiteral.createNull(pos)), text);
  }
}
