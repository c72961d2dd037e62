package io.sluice.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sluice.planner.calcite.SluiceTypeSystem;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * The shapes the rewrite gives: an operand that could fail goes into a CASE branch behind the
 * operands before it, and AND/OR over operands that cannot fail stay as they are. (What the
 * rewritten code computes is tested end to end in the server's ShortCircuitTest.)
 */
class ShortCircuitTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final RexBuilder rex = new RexBuilder(types);
  private final RelDataType integer =
      types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true);
  private final RexNode x = rex.makeInputRef(integer, 0);
  private final RexNode d = rex.makeInputRef(integer, 1);

  private RexNode call(SqlOperator op, RexNode... operands) {
    return rex.makeCall(op, operands);
  }

  private RexNode num(int n) {
    return rex.makeExactLiteral(java.math.BigDecimal.valueOf(n), integer);
  }

  @Test
  void comparisonsOfColumnsAreLeftAlone() {
    RexNode and = call(SqlStdOperatorTable.AND,
        call(SqlStdOperatorTable.GREATER_THAN, x, num(1)),
        call(SqlStdOperatorTable.IS_NULL, d),
        call(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.EQUALS, x, d),
            call(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.IS_NULL, x))));
    assertSame(and, ShortCircuit.apply(and, rex));
  }

  @Test
  void anOperandThatCouldFailWaitsForTheOnesBeforeIt() {
    RexNode guard = call(SqlStdOperatorTable.NOT_EQUALS, d, num(0));
    RexNode divides = call(SqlStdOperatorTable.GREATER_THAN,
        call(SqlStdOperatorTable.DIVIDE, num(100), d), num(10));
    assertEquals("CASE(NOT(<>($1, 0)), false, AND(<>($1, 0), >(/(100, $1), 10)))",
        ShortCircuit.apply(call(SqlStdOperatorTable.AND, guard, divides), rex).toString());
    assertEquals("CASE(<>($1, 0), true, OR(<>($1, 0), >(/(100, $1), 10)))",
        ShortCircuit.apply(call(SqlStdOperatorTable.OR, guard, divides), rex).toString());
    // A failing first operand is evaluated first anyway; the safe ones after it stay eager.
    RexNode safeAfter = call(SqlStdOperatorTable.AND, divides, guard,
        call(SqlStdOperatorTable.IS_NOT_NULL, x));
    assertSame(safeAfter, ShortCircuit.apply(safeAfter, rex));
    // In a chain, only the operands before the one that could fail are split off.
    RexNode chain = call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.IS_NOT_NULL, x),
        guard, divides, call(SqlStdOperatorTable.IS_NULL, x));
    assertEquals("CASE(NOT(IS NOT NULL($0)), false, AND(IS NOT NULL($0),"
            + " CASE(NOT(<>($1, 0)), false, AND(<>($1, 0), >(/(100, $1), 10), IS NULL($0)))))",
        ShortCircuit.apply(chain, rex).toString());
  }
}
