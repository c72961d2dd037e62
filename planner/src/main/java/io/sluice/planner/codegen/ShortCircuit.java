package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Makes AND and OR stop at the first operand that decides them, as PostgreSQL does, so that
 * {@code WHERE d <> 0 AND n / d > 1} never divides by zero and {@code NOT x BETWEEN 1 AND 10 / x}
 * (an OR once BETWEEN is expanded) never evaluates its upper bound when the lower one decides.
 *
 * <p>Calcite's code generator evaluates every operand of a call before the call, AND and OR
 * included; only CASE runs its branches lazily. So an operand that could fail is moved into a
 * CASE branch: {@code a AND b} becomes {@code CASE WHEN NOT a THEN FALSE ELSE a AND b END}, and
 * {@code a OR b} becomes {@code CASE WHEN a THEN TRUE ELSE a OR b END}. Inside the ELSE branch
 * {@code a} is already computed (the generator reuses it), so only {@code b} is evaluated there,
 * and the plain AND/OR gives SQL's three-valued result. Operands that cannot fail (columns,
 * literals, comparisons and boolean logic over them) are left as they are: evaluating them
 * eagerly changes nothing and keeps the generated code small.
 */
final class ShortCircuit extends RexShuttle {
  private final RexBuilder rexBuilder;

  ShortCircuit(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** The expression with lazy AND/OR. */
  static RexNode apply(RexNode expression, RexBuilder rexBuilder) {
    return expression.accept(new ShortCircuit(rexBuilder));
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexCall visited = (RexCall) super.visitCall(call);
    SqlKind kind = visited.getKind();
    if (kind != SqlKind.AND && kind != SqlKind.OR) {
      return visited;
    }
    List<RexNode> operands = visited.getOperands();
    // From the right: the operands after position i that are evaluated eagerly together.
    List<RexNode> eager = new ArrayList<>();
    eager.add(operands.get(operands.size() - 1));
    boolean changed = false;
    for (int i = operands.size() - 2; i >= 0; i--) {
      RexNode first = operands.get(i);
      if (eager.stream().allMatch(ShortCircuit::cannotFail)) {
        eager.add(0, first);
        continue;
      }
      eager.add(0, first);
      RexNode both = combine(visited, eager);
      RexNode decides = kind == SqlKind.AND
          ? rexBuilder.makeCall(SqlStdOperatorTable.NOT, first) : first;
      RexNode decided = rexBuilder.makeLiteral(kind == SqlKind.OR);
      eager.clear();
      eager.add(rexBuilder.makeCall(visited.getType(), SqlStdOperatorTable.CASE,
          List.of(decides, decided, both)));
      changed = true;
    }
    return changed ? combine(visited, eager) : visited;
  }

  private RexNode combine(RexCall call, List<RexNode> operands) {
    return operands.size() == 1 ? operands.get(0)
        : rexBuilder.makeCall(call.getType(), call.getOperator(), List.copyOf(operands));
  }

  /**
   * Whether evaluating the expression can never raise an error: column references, literals,
   * and comparisons, null tests and boolean logic over such operands. Anything else (arithmetic
   * can overflow or divide by zero, a cast can fail, a function can reject its argument) might.
   */
  static boolean cannotFail(RexNode e) {
    switch (e.getKind()) {
      case INPUT_REF:
      case LITERAL:
      case LOCAL_REF:
      case DYNAMIC_PARAM:
      case FIELD_ACCESS:
        return true;
      case AND:
      case OR:
      case NOT:
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
      case SEARCH:
        return ((RexCall) e).getOperands().stream().allMatch(ShortCircuit::cannotFail);
      default:
        return false;
    }
  }
}
