package io.sluice.planner.codegen;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Writes {@code CAST(n AS INTERVAL unit)}, n an exact number, as {@code n * INTERVAL '1' unit}
 * before code generation. Calcite's generated code for the cast scales n to milliseconds twice,
 * so {@code CAST(d AS INTERVAL DAY)} with d = 40 came out as some 3.5 billion days, and {@code
 * date - CAST(d AS INTERVAL DAY)} as a date thousands of years off. It generates the
 * multiplication right. Constant expressions folded while planning go through it too.
 */
public final class NumberToInterval extends RexShuttle {
  private final RexBuilder rexBuilder;

  NumberToInterval(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** The expression with such casts rewritten; the same node if it has none. */
  public static RexNode rewrite(RexNode expression, RexBuilder rexBuilder) {
    return expression.accept(new NumberToInterval(rexBuilder));
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (visited.getKind() != SqlKind.CAST) {
      return visited;
    }
    RexNode n = ((RexCall) visited).getOperands().get(0);
    RelDataType target = visited.getType();
    SqlIntervalQualifier unit = target.getIntervalQualifier();
    if (unit == null || !unit.isSingleDatetimeField()
        || !SqlTypeUtil.isExactNumeric(n.getType())) {
      return visited;
    }
    RexNode one = rexBuilder.makeIntervalLiteral(unit.getUnit().multiplier, unit);
    RexNode product = rexBuilder.makeCall(SqlStdOperatorTable.MULTIPLY, n, one);
    return product.getType().equals(target) ? product
        : rexBuilder.makeCast(target, product, true, false);
  }
}
