package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.DataType;
import io.sluice.plan.expr.GeneratedCode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.planner.calcite.TypeConversion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/** Joins: equality keys become hash keys, everything else a generated residual condition. */
final class JoinTranslation {
  private JoinTranslation() {}

  static PlanNode join(LogicalJoin join, RelTranslator t) {
    JoinKind kind = kind(join);
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(),
        leftKeys, rightKeys, filterNulls, residual);
    RelDataType leftType = join.getLeft().getRowType();
    RelDataType rightType = join.getRight().getRowType();
    List<Integer> lk = new ArrayList<>();
    List<Integer> rk = new ArrayList<>();
    List<DataType> keyTypes = new ArrayList<>();
    List<Boolean> nullSafe = new ArrayList<>();
    int leftCount = leftType.getFieldCount();
    for (int i = 0; i < leftKeys.size(); i++) {
      RelDataType lt = leftType.getFieldList().get(leftKeys.get(i)).getType();
      RelDataType rt = rightType.getFieldList().get(rightKeys.get(i)).getType();
      RelDataType common = t.typeFactory().leastRestrictive(List.of(lt, rt));
      if (common == null || !hashable(common)) {
        // Not comparable as a hash key: evaluate the equality as part of the residual.
        residual.add(t.rexBuilder().makeCall(
            filterNulls.get(i) ? org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS
                : org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
            t.rexBuilder().makeInputRef(lt, leftKeys.get(i)),
            t.rexBuilder().makeInputRef(rt, leftCount + rightKeys.get(i))));
        continue;
      }
      lk.add(leftKeys.get(i));
      rk.add(rightKeys.get(i));
      keyTypes.add(TypeConversion.fromCalcite(common));
      nullSafe.add(!filterNulls.get(i));
    }
    PlanNode left = t.translate(join.getLeft());
    PlanNode right = t.translate(join.getRight());
    GeneratedCode condition = null;
    if (!residual.isEmpty()) {
      RexNode cond = RexUtil.composeConjunction(t.rexBuilder(), residual);
      if (!cond.isAlwaysTrue()) {
        condition = t.codegen().joinCondition(cond, leftType, rightType, cond.toString());
      }
    }
    return new JoinNode(left, right, kind, lk, rk, keyTypes, nullSafe, condition,
        TypeConversion.rowTypeFromCalcite(join.getRowType()));
  }

  private static boolean hashable(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case BOOLEAN: case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DECIMAL:
      case REAL: case FLOAT: case DOUBLE: case VARCHAR: case DATE: case TIME: case TIMESTAMP:
        return true;
      default:
        return false;
    }
  }

  private static JoinKind kind(LogicalJoin join) {
    switch (join.getJoinType()) {
      case INNER: return JoinKind.INNER;
      case LEFT: return JoinKind.LEFT;
      case RIGHT: return JoinKind.RIGHT;
      case FULL: return JoinKind.FULL;
      case SEMI: return JoinKind.SEMI;
      case ANTI: return JoinKind.ANTI;
      default:
        throw SluiceException.unsupported(join.getJoinType() + " joins are not supported");
    }
  }
}
