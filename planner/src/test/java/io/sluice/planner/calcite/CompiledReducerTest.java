package io.sluice.planner.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The shared-class-loader reduction gives what Calcite's own reducer gives, failures included. */
class CompiledReducerTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final RexBuilder rex = new RexBuilder(types);

  private RexNode num(String value) {
    return rex.makeExactLiteral(new BigDecimal(value));
  }

  private RexNode call(org.apache.calcite.sql.SqlOperator op, RexNode... operands) {
    return rex.makeCall(op, operands);
  }

  private static String reduce(RexExecutor executor, RexBuilder rex, List<RexNode> exps) {
    List<RexNode> out = new ArrayList<>();
    executor.reduce(rex, exps, out);
    StringBuilder text = new StringBuilder();
    for (RexNode n : out) {
      text.append(n).append(" : ").append(n.getType().getFullTypeString()).append('\n');
    }
    return text.toString();
  }

  @Test
  void reducesAsCalciteDoes() {
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    RelDataType varchar = types.createSqlType(SqlTypeName.VARCHAR, 20);
    List<List<RexNode>> cases = List.of(
        List.of(call(SqlStdOperatorTable.MULTIPLY, call(SqlStdOperatorTable.UNARY_MINUS,
            num("45")), num("23"))),
        List.of(call(SqlStdOperatorTable.PLUS, num("1.5"), num("2")),
            call(SqlStdOperatorTable.MINUS, num("7"), num("9"))),
        List.of(call(SqlStdOperatorTable.DIVIDE, num("7"), num("0"))),
        List.of(call(SqlStdOperatorTable.DIVIDE, num("7"), num("2")),
            call(SqlStdOperatorTable.MOD, num("-7"), num("3"))),
        List.of(rex.makeAbstractCast(integer, num("2.5"), false)),
        List.of(rex.makeAbstractCast(integer, rex.makeLiteral("12"), false),
            rex.makeAbstractCast(integer, rex.makeLiteral("x"), false)),
        List.of(call(SqlStdOperatorTable.CASE, call(SqlStdOperatorTable.GREATER_THAN,
            num("3"), num("2")), num("10"), num("20"))),
        List.of(call(SqlStdOperatorTable.ABS, num("-3.25")),
            call(SqlStdOperatorTable.IS_NULL, rex.makeNullLiteral(integer))),
        List.of(call(SqlStdOperatorTable.CONCAT, rex.makeLiteral("ab"), rex.makeLiteral("cd")),
            call(SqlStdOperatorTable.UPPER, rex.makeCast(varchar, rex.makeLiteral("ef")))),
        List.of(call(SqlStdOperatorTable.PLUS, rex.makeNullLiteral(integer), num("1"))));
    for (List<RexNode> exps : cases) {
      assertEquals(reduce(RexUtil.EXECUTOR, rex, exps), reduce(CompiledReducer.INSTANCE, rex, exps),
          exps.toString());
    }
  }
}
