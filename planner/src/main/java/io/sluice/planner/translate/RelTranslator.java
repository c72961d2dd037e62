package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.node.PlanNode;
import io.sluice.planner.codegen.ExpressionCodegen;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexBuilder;

/**
 * Translates an optimized relational tree into plan nodes, one operator at a time, by looking
 * up the operator's class in {@link #RULES}.
 */
public final class RelTranslator {
  /** How one kind of relational operator becomes a plan node. */
  @FunctionalInterface
  interface Rule<T extends RelNode> {
    PlanNode translate(T rel, RelTranslator translator);
  }

  private static final Map<Class<? extends RelNode>, Rule<?>> RULES = Map.ofEntries(
      Map.entry(LogicalTableScan.class, (Rule<LogicalTableScan>) ScanTranslation::scan),
      Map.entry(LogicalValues.class, (Rule<LogicalValues>) ValuesTranslation::values),
      Map.entry(LogicalCalc.class, (Rule<LogicalCalc>) CalcTranslation::calc),
      Map.entry(LogicalProject.class, (Rule<LogicalProject>) CalcTranslation::project),
      Map.entry(LogicalFilter.class, (Rule<LogicalFilter>) CalcTranslation::filter),
      Map.entry(LogicalJoin.class, (Rule<LogicalJoin>) JoinTranslation::join),
      Map.entry(LogicalAggregate.class, (Rule<LogicalAggregate>) AggregateTranslation::aggregate),
      Map.entry(LogicalUnion.class, (Rule<LogicalUnion>) SetOpTranslation::union),
      Map.entry(LogicalIntersect.class, (Rule<LogicalIntersect>) SetOpTranslation::intersect),
      Map.entry(LogicalMinus.class, (Rule<LogicalMinus>) SetOpTranslation::minus),
      Map.entry(LogicalSort.class, (Rule<LogicalSort>) SortTranslation::sort),
      Map.entry(LogicalWindow.class, (Rule<LogicalWindow>) WindowTranslation::window),
      Map.entry(LogicalCorrelate.class, (Rule<LogicalCorrelate>) (rel, t) -> {
        throw SluiceException.unsupported(
            "this correlated subquery cannot be turned into a join");
      }));

  private final JavaTypeFactory typeFactory;
  private final RexBuilder rexBuilder;
  private final ExpressionCodegen codegen;

  public RelTranslator(JavaTypeFactory typeFactory, RexBuilder rexBuilder) {
    this.typeFactory = typeFactory;
    this.rexBuilder = rexBuilder;
    this.codegen = new ExpressionCodegen(typeFactory, rexBuilder);
  }

  /** Translates a tree. */
  @SuppressWarnings("unchecked")
  public PlanNode translate(RelNode rel) {
    Rule<RelNode> rule = (Rule<RelNode>) RULES.get(rel.getClass());
    if (rule == null) {
      throw SluiceException.unsupported("Sluice cannot run the relational operator "
          + rel.getRelTypeName() + " yet");
    }
    return rule.translate(rel, this);
  }

  JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  RexBuilder rexBuilder() {
    return rexBuilder;
  }

  /** The code generator, shared with the statement planner. */
  public ExpressionCodegen codegen() {
    return codegen;
  }
}
