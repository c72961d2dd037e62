package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sluice.common.types.RowType;
import io.sluice.plan.expr.RowProgram;
import io.sluice.plan.node.CalcNode;
import org.junit.jupiter.api.Test;

/**
 * {@link CalcOperator} is linear: each change that passes the filter comes out projected with
 * its weight, others vanish, and the program sees the query's data context.
 */
class CalcOperatorTest {
  private static final RowType IN = type("a, s", INT, TEXT);
  private static final RowType OUT = type("a10, s", INT, TEXT);

  /** {@code SELECT a * 10, s WHERE a > 1}, written by hand instead of generated. */
  private static final RowProgram PROGRAM = (context, row) -> {
    assertSame(OperatorHarness.DATA_CONTEXT, context);
    Integer a = (Integer) row[0];
    return a != null && a > 1 ? new Object[] {a * 10, row[1]} : null;
  };

  private static OperatorHarness harness() {
    CalcNode node = new CalcNode(input(IN),
        Plans.handWritten(RowProgram.class, "a * 10, s WHERE a > 1"), OUT);
    return OperatorHarness.open(node, new CalcOperator(PROGRAM));
  }

  @Test
  void filtersAndProjectsEachChangeWithItsWeight() {
    harness()
        .push("""
            +1 [1, 'skip']
            +1 [2, 'b']
            +3 [3, 'c']
            +1 [null, 'null a']
            """)
        .expect("""
            +1 [20, 'b']
            +3 [30, 'c']
            """)
        .push("""
            -1 [3, 'c']
            -1 [1, 'skip']
            """)
        .expect("-1 [30, 'c']");
  }

  @Test
  void anInsertAndDeleteInOneEpochCancel() {
    harness()
        .push("+1 [5, 'x']")
        .push("-1 [5, 'x']")
        .expect("")
        .expect("");
  }
}
