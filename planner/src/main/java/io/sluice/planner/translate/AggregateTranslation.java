package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.node.AggCall;
import io.sluice.plan.node.AggKind;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.planner.calcite.TypeConversion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexLiteral;

/** GROUP BY and aggregate functions. */
final class AggregateTranslation {
  private AggregateTranslation() {}

  static PlanNode aggregate(LogicalAggregate agg, RelTranslator t) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      throw SluiceException.unsupported("GROUPING SETS, ROLLUP and CUBE are not supported yet");
    }
    List<AggCall> calls = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      AggKind kind = kind(call);
      Object literal = null;
      if (kind == AggKind.LITERAL) {
        if (call.rexList.size() != 1 || !(call.rexList.get(0) instanceof RexLiteral lit)) {
          throw SluiceException.unsupported("LITERAL_AGG over a non-literal");
        }
        literal = Literals.toInternal(lit, TypeConversion.fromCalcite(call.getType()));
      }
      calls.add(new AggCall(kind, call.getArgList(), call.isDistinct(), call.filterArg,
          literal, TypeConversion.fromCalcite(call.getType()),
          call.getName() == null ? "agg" + calls.size() : call.getName(),
          kind == AggKind.STRING_AGG ? SortTranslation.keys(call.collation) : List.of()));
    }
    PlanNode input = t.translate(agg.getInput());
    return new AggregateNode(input, agg.getGroupSet().asList(), calls,
        TypeConversion.rowTypeFromCalcite(agg.getRowType()));
  }

  private static AggKind kind(AggregateCall call) {
    switch (call.getAggregation().getKind()) {
      case COUNT: return AggKind.COUNT;
      case SUM: return AggKind.SUM;
      case SUM0: return AggKind.SUM0;
      case MIN: return AggKind.MIN;
      case MAX: return AggKind.MAX;
      case SINGLE_VALUE: return AggKind.SINGLE_VALUE;
      case ANY_VALUE: return AggKind.ANY_VALUE;
      case LITERAL_AGG: return AggKind.LITERAL;
      case LISTAGG:
      case STRING_AGG: return AggKind.STRING_AGG;
      case BIT_AND:
      case BIT_OR:
      default:
        throw SluiceException.unsupported("the aggregate function "
            + call.getAggregation().getName() + " is not supported yet");
    }
  }
}
