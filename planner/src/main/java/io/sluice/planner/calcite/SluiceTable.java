package io.sluice.planner.calcite;

import io.sluice.parser.SluiceParser;
import io.sluice.plan.catalog.TableDef;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A Sluice table as Calcite's validator sees it: its row type, its primary key as a unique key,
 * and its column defaults for INSERT.
 */
public final class SluiceTable extends AbstractTable {
  private final TableDef def;

  SluiceTable(TableDef def) {
    this.def = def;
  }

  /** The catalog definition. */
  public TableDef def() {
    return def;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConversion.rowTypeToCalcite(typeFactory, def.rowType());
  }

  @Override
  public Statistic getStatistic() {
    if (def.primaryKey().isEmpty()) {
      return Statistics.UNKNOWN;
    }
    return Statistics.of(100d, List.of(ImmutableBitSet.of(def.primaryKeyArray())));
  }

  @Override
  public <C> C unwrap(Class<C> aClass) {
    if (aClass.isAssignableFrom(InitializerExpressionFactory.class)) {
      return aClass.cast(new Defaults());
    }
    return super.unwrap(aClass);
  }

  /** Column defaults from CREATE TABLE; columns without one default to NULL. */
  private final class Defaults extends NullInitializerExpressionFactory {
    @Override
    public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
      if (def.defaults().get(iColumn) != null) {
        return ColumnStrategy.DEFAULT;
      }
      return super.generationStrategy(table, iColumn);
    }

    @Override
    public RexNode newColumnDefaultValue(RelOptTable table, int iColumn,
        InitializerContext context) {
      String sql = def.defaults().get(iColumn);
      if (sql == null) {
        return super.newColumnDefaultValue(table, iColumn, context);
      }
      RelDataType type = table.getRowType().getFieldList().get(iColumn).getType();
      RexNode value = context.convertExpression(SluiceParser.parseExpression(sql));
      return context.getRexBuilder().makeCast(type, value, true, false);
    }
  }
}
