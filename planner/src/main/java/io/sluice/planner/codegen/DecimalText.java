package io.sluice.planner.codegen;

import io.sluice.plan.expr.SqlText;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Casts of DECIMAL to a string type go through {@link SqlText#decimal}: Calcite's generated
 * code writes {@code 0.10} as {@code .10} and small values with an exponent ({@code 1E-8}).
 * The cast to the target type stays, for its length.
 */
public final class DecimalText extends RexShuttle {
  private static final SqlUserDefinedFunction TEXT = new SqlUserDefinedFunction(
      new SqlIdentifier("DECIMAL_TEXT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR), null, null,
      ScalarFunctionImpl.create(SqlText.class, "decimal"));

  private final RexBuilder rexBuilder;

  DecimalText(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** The expression with its DECIMAL-to-string casts rewritten; the same node if it has none. */
  public static RexNode rewrite(RexNode expression, RexBuilder rexBuilder) {
    return expression.accept(new DecimalText(rexBuilder));
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexCall visited = (RexCall) super.visitCall(call);
    if (!visited.isA(SqlKind.CAST) || visited.getOperands().size() != 1) {
      return visited;
    }
    RexNode operand = visited.getOperands().get(0);
    RelDataType target = visited.getType();
    if (operand.getType().getSqlTypeName() != SqlTypeName.DECIMAL
        || target.getSqlTypeName().getFamily() != SqlTypeFamily.CHARACTER) {
      return visited;
    }
    RelDataType text = rexBuilder.getTypeFactory().createTypeWithNullability(
        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARCHAR),
        operand.getType().isNullable());
    RexNode asText = rexBuilder.makeCall(text, TEXT, List.of(operand));
    return text.equals(target) ? asText : rexBuilder.makeCast(target, asText, true, false);
  }
}
