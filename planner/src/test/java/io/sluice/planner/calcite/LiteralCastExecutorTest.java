package io.sluice.planner.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The direct reduction gives exactly the literals Calcite's compiled reducer gives. */
class LiteralCastExecutorTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final RexBuilder rex = new RexBuilder(types);

  private static List<RexNode> reduce(RexBuilder rex, List<RexNode> exps, boolean direct) {
    List<RexNode> out = new ArrayList<>();
    (direct ? LiteralCastExecutor.INSTANCE : RexUtil.EXECUTOR).reduce(rex, exps, out);
    return out;
  }

  private void assertSameAsCalcite(List<RexNode> exps) {
    List<RexNode> calcite = reduce(rex, exps, false);
    List<RexNode> direct = reduce(rex, exps, true);
    assertEquals(calcite.toString(), direct.toString(), exps.toString());
    for (int i = 0; i < calcite.size(); i++) {
      assertEquals(calcite.get(i).getType().getFullTypeString(),
          direct.get(i).getType().getFullTypeString(), exps.get(i).toString());
    }
  }

  private List<RexNode> castsOf(RexNode literal) {
    List<RexNode> out = new ArrayList<>();
    for (SqlTypeName to : List.of(SqlTypeName.DOUBLE, SqlTypeName.FLOAT)) {
      RelDataType type = types.createSqlType(to);
      out.add(rex.makeAbstractCast(type, literal, false));
      out.add(rex.makeAbstractCast(types.createTypeWithNullability(type, true), literal, false));
    }
    return out;
  }

  @Test
  void exactNumbersCastToDoubleMatchTheCompiledReducer() {
    List<RexNode> literals = new ArrayList<>();
    for (String s : List.of("229.92", "0", "-0.5", "1", "-7", "0.1", "123456789.123456789",
        "99999999999999999999.5", "0.000000000000000000123", "2147483648", "-9223372036854775808",
        "1000000000000000000000000000000" /* a BIGINT literal out of range: left to Calcite */,
        "0.30000000000000004")) {
      literals.add(rex.makeExactLiteral(new BigDecimal(s)));
    }
    literals.add(rex.makeLiteral(42, types.createSqlType(SqlTypeName.INTEGER)));
    literals.add(rex.makeLiteral(-42L, types.createSqlType(SqlTypeName.BIGINT)));
    literals.add(rex.makeLiteral(7, types.createSqlType(SqlTypeName.SMALLINT)));
    Random random = new Random(6);
    for (int i = 0; i < 300; i++) {
      literals.add(rex.makeExactLiteral(
          BigDecimal.valueOf(random.nextLong() % 100_000_000L, random.nextInt(9))));
    }
    LiteralCastExecutor noFallback = new LiteralCastExecutor((b, exps, out) -> {
      throw new AssertionError("compiled for " + exps);
    });
    for (RexNode literal : literals) {
      assertSameAsCalcite(castsOf(literal));
      if (!literal.toString().startsWith("1000000000000000000000000000000")) {
        noFallback.reduce(rex, castsOf(literal), new ArrayList<>());
      }
    }
  }

  @Test
  void anythingElseIsLeftToCalcite() {
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    RexNode sum = rex.makeCall(SqlStdOperatorTable.PLUS, rex.makeExactLiteral(BigDecimal.ONE),
        rex.makeExactLiteral(BigDecimal.TEN));
    RexNode toInt = rex.makeAbstractCast(integer, rex.makeExactLiteral(new BigDecimal("2.5")),
        false);
    RexNode nullCast = rex.makeAbstractCast(types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.DOUBLE), true), rex.makeNullLiteral(integer), false);
    RexNode doubleCast = rex.makeAbstractCast(types.createSqlType(SqlTypeName.DOUBLE),
        rex.makeExactLiteral(new BigDecimal("1.5")), false);
    assertSameAsCalcite(List.of(sum));
    assertSameAsCalcite(List.of(toInt));
    assertSameAsCalcite(List.of(nullCast));
    assertSameAsCalcite(List.of(doubleCast, sum), "a list with one other goes to Calcite whole");
  }

  private void assertSameAsCalcite(List<RexNode> exps, String why) {
    assertSameAsCalcite(exps);
  }
}
