package io.sluice.planner;

import io.sluice.common.error.SluiceException;
import java.util.Locale;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Refuses, in a continuous query, the functions whose value depends on when, or how many times,
 * they are evaluated: CURRENT_TIMESTAMP and its kin ({@code now()}), and RANDOM. A materialized
 * view is its query's result at every moment. With {@code now()} in the query that result
 * changes while no row does, and Sluice has no temporal filters yet to follow the clock;
 * evaluating the function once per row as the row arrives, as some stream processors do, would
 * keep a view that no query returns.
 */
final class TimeIndependence {
  private TimeIndependence() {}

  /** Throws {@code 0A000} if an expression of {@code rel} calls such a function. */
  static void check(RelNode rel) {
    rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        other.accept(EXPRESSIONS);
        return super.visit(other);
      }
    });
  }

  private static final RexShuttle EXPRESSIONS = new RexShuttle() {
    @Override
    public RexNode visitCall(RexCall call) {
      SqlOperator op = call.getOperator();
      if (op.isDynamicFunction() || !op.isDeterministic()) {
        String name = op == SqlStdOperatorTable.CURRENT_TIMESTAMP ? "now() (CURRENT_TIMESTAMP)"
            : op.getName().toUpperCase(Locale.ROOT);
        throw SluiceException.unsupported(name + " in a materialized view or continuous query"
            + " is not supported: its value changes as time passes or from call to call, so the"
            + " view could not stay equal to its query");
      }
      return super.visitCall(call);
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      check(subQuery.rel);
      return super.visitSubQuery(subQuery);
    }
  };
}
