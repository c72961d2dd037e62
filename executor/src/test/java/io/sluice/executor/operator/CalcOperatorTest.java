package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.common.types.RowType;
import java.util.Map;
import java.util.TreeMap;
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

  /** {@code SELECT 10 / a, s}: fails for a = 0 as generated code does. */
  private static final RowProgram DIVIDE = (context, row) ->
      new Object[] {10 / (Integer) row[0], row[1]};

  private static OperatorHarness divide(DataErrors errors) {
    CalcNode node = new CalcNode(input(IN), Plans.handWritten(RowProgram.class, "10 / a, s"),
        OUT);
    return OperatorHarness.open(node, new CalcOperator(DIVIDE, errors));
  }

  @Test
  void inAViewADataErrorIsCountedWithTheRowsWeightAndTheRowLeftOut() {
    Map<String, Long> counted = new TreeMap<>();
    DataErrors errors = (e, weight) -> counted.merge(e.sqlState() + " " + e.getMessage(),
        weight, Long::sum);
    divide(errors)
        .push("""
            +1 [5, 'b']
            +2 [0, 'zero']
            """)
        .expect("+1 [2, 'b']");
    assertEquals(Map.of("22012 division by zero", 2L), counted);
    divide(errors).push("-2 [0, 'zero']").expect("");
    assertEquals(Map.of("22012 division by zero", 0L), counted);
  }

  @Test
  void withoutDataErrorsADataErrorEndsTheStatement() {
    // As thrown; the statement's caller turns it into SQLSTATE 22012 (RuntimeErrors).
    assertThrows(ArithmeticException.class, () -> divide(null).push("+1 [0, 'zero']"));
  }
}
