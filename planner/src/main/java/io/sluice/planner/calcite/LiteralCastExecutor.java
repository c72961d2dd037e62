package io.sluice.planner.calcite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's constant reducer, with the commonest reduction done directly: an exact number cast
 * to DOUBLE or FLOAT ({@code col1 < 229.92} for a DOUBLE {@code col1} becomes
 * {@code col1 < CAST(229.92 AS DOUBLE)}, which the simplifier folds while building every filter).
 *
 * <p>{@link org.apache.calcite.rex.RexExecutorImpl} reduces any constant expression by
 * generating Java code and compiling it with Janino, one class per call; with a new literal in
 * every query, that compilation was a third of the planning time of a filter-heavy query
 * (sqllogictest's {@code index/between}). Here the value is the one the generated code computes,
 * {@code BigDecimal.doubleValue()}, and becomes a literal the same way
 * ({@link RexBuilder#makeLiteral(Object, org.apache.calcite.rel.type.RelDataType, boolean)});
 * every other expression, and any list with one, goes to the compiled reduction
 * ({@link CompiledReducer}).
 */
public final class LiteralCastExecutor implements RexExecutor {
  /** Over Calcite's reducer with a shared class loader ({@link CompiledReducer}). */
  public static final LiteralCastExecutor INSTANCE =
      new LiteralCastExecutor(CompiledReducer.INSTANCE);

  private final RexExecutor fallback;

  public LiteralCastExecutor(RexExecutor fallback) {
    this.fallback = fallback;
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    List<RexNode> reduced = new ArrayList<>(constExps.size());
    for (RexNode e : constExps) {
      Double value = exactLiteralCastToDouble(e);
      if (value == null) {
        fallback.reduce(rexBuilder, constExps, reducedValues);
        return;
      }
      reduced.add(rexBuilder.makeLiteral(value, e.getType(), true));
    }
    reducedValues.addAll(reduced);
  }

  /**
   * The value of CAST(exact number literal AS DOUBLE/FLOAT) as the generated code computes it
   * ({@code BigDecimal.doubleValue()} for a DECIMAL, {@code (double) long} for an integer
   * within its type's range), or null for any other expression.
   */
  private static Double exactLiteralCastToDouble(RexNode e) {
    if (e.getKind() != SqlKind.CAST || !(e instanceof RexCall call)
        || call.getOperands().size() != 1
        || !(call.getOperands().get(0) instanceof RexLiteral literal)) {
      return null;
    }
    SqlTypeName to = e.getType().getSqlTypeName();
    if (to != SqlTypeName.DOUBLE && to != SqlTypeName.FLOAT) {
      return null;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value == null) {
      return null;
    }
    switch (literal.getType().getSqlTypeName()) {
      case DECIMAL:
        return value.doubleValue();
      case TINYINT:
        return fits(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT:
        return fits(value, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER:
        return fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
        return fits(value, Long.MIN_VALUE, Long.MAX_VALUE);
      default:
        return null;
    }
  }

  /** {@code (double) value} if the value is a whole number within the bounds, else null. */
  private static Double fits(BigDecimal value, long min, long max) {
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0
        || value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      return null;
    }
    return (double) value.longValue();
  }
}
