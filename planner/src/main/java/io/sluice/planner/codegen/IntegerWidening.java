package io.sluice.planner.codegen;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives both operands of integer arithmetic the same type before code generation. Calcite's
 * generated code for {@code MOD(BIGINT, INTEGER)} goes through {@code BigDecimal} (several
 * objects and a division per row), and {@code BIGINT * INTEGER} boxes its constant; with both
 * operands of the wider type it calls the primitive {@code long} methods. The results do not
 * change: the narrower operand is cast up (exactly), arithmetic keeps its result type, and a
 * MOD, whose result SQL types as its second operand's, is cast back to that type (its absolute
 * value is below the second operand's, so it fits).
 */
final class IntegerWidening extends RexShuttle {
  private final RexBuilder rexBuilder;

  IntegerWidening(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexCall visited = (RexCall) super.visitCall(call);
    SqlKind kind = visited.getKind();
    if (visited.getOperands().size() != 2 || !(kind == SqlKind.MOD || kind == SqlKind.PLUS
        || kind == SqlKind.MINUS || kind == SqlKind.TIMES)) {
      return visited;
    }
    RexNode left = visited.getOperands().get(0);
    RexNode right = visited.getOperands().get(1);
    int lw = width(left.getType());
    int rw = width(right.getType());
    if (lw == 0 || rw == 0 || lw == rw) {
      return visited;
    }
    RelDataType wide = lw > rw ? left.getType() : right.getType();
    RexNode l = lw < rw ? widen(left, wide) : left;
    RexNode r = rw < lw ? widen(right, wide) : right;
    if (kind != SqlKind.MOD && width(visited.getType()) != Math.max(lw, rw)) {
      return visited; // not the usual result type: leave it to Calcite
    }
    RexNode widened = rexBuilder.makeCall(visited.getOperator(), l, r);
    return widened.getType().equals(visited.getType()) ? widened
        : rexBuilder.makeCast(visited.getType(), widened, true, false);
  }

  private RexNode widen(RexNode operand, RelDataType wide) {
    RelDataType type = rexBuilder.getTypeFactory().createTypeWithNullability(wide,
        operand.getType().isNullable());
    return rexBuilder.makeCast(type, operand, true, false);
  }

  /** The byte width of an exact integer type, or 0 for any other type. */
  private static int width(RelDataType type) {
    SqlTypeName t = type.getSqlTypeName();
    if (t == null) {
      return 0;
    }
    switch (t) {
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INTEGER:
        return 4;
      case BIGINT:
        return 8;
      default:
        return 0;
    }
  }
}
