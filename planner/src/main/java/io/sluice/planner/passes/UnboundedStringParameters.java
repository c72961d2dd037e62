package io.sluice.planner.passes;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives every VARCHAR parameter an unbounded type. Calcite types a parameter after what it is
 * compared with or stored in ({@code WHERE v = ?} makes it VARCHAR(3) for a VARCHAR(3) column)
 * and its generated code then cuts longer values to that length, so {@code 'abcd'} would match
 * {@code 'abc'} and be stored as {@code 'abc'}. Unbounded, the value is used as given.
 */
final class UnboundedStringParameters {
  private UnboundedStringParameters() {}

  static RelNode apply(RelNode rel) {
    RelDataTypeFactory f = rel.getCluster().getTypeFactory();
    RexShuttle widen = new RexShuttle() {
      @Override
      public RexNode visitDynamicParam(RexDynamicParam param) {
        RelDataType t = param.getType();
        if (t.getSqlTypeName() != SqlTypeName.VARCHAR
            || t.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
          return param;
        }
        RelDataType unbounded = f.createTypeWithNullability(
            f.createSqlType(SqlTypeName.VARCHAR), t.isNullable());
        return new RexDynamicParam(unbounded, param.getIndex());
      }
    };
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(widen);
      }
    });
  }
}
