package io.sluice.planner.passes;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passes, in order. Subqueries become joins first (decorrelated where they refer to the
 * outer query), unused columns are trimmed, then rules simplify and push filters towards the
 * tables, and last filters and projections fuse into calcs, which become one generated program
 * each.
 */
public final class OptimizerPasses {
  private static final Logger LOG = LoggerFactory.getLogger(OptimizerPasses.class);

  private OptimizerPasses() {}

  /** The standard list. */
  public static List<Pass> standard() {
    return List.of(
        hep("subqueries-to-correlates", List.of(
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)),
        new Pass("decorrelate", rel -> RelDecorrelator.decorrelateQuery(rel, builder(rel))),
        // Window functions (RexOver in a projection) become Window operators first, so that no
        // later rule has to see them inside expressions.
        new Pass("windows", rel -> containsOver(rel) ? runHep(TO_WINDOWS, rel) : rel),
        new Pass("trim-fields", rel -> new RelFieldTrimmer(null, builder(rel)).trim(rel)),
        hep("reduce-aggregates", List.of(
            // GROUPING SETS, ROLLUP and CUBE: a UNION ALL of one GROUP BY per grouping set.
            CoreRules.AGGREGATE_GROUPING_SETS_TO_UNION,
            CoreRules.AGGREGATE_REDUCE_FUNCTIONS,
            CoreRules.AGGREGATE_CASE_TO_FILTER)),
        hep("simplify-and-push-filters", List.of(
            CoreRules.FILTER_REDUCE_EXPRESSIONS,
            CoreRules.PROJECT_REDUCE_EXPRESSIONS,
            CoreRules.JOIN_REDUCE_EXPRESSIONS,
            CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.FILTER_AGGREGATE_TRANSPOSE,
            CoreRules.FILTER_SET_OP_TRANSPOSE,
            CoreRules.AGGREGATE_PROJECT_MERGE,
            CoreRules.FILTER_VALUES_MERGE,
            CoreRules.PROJECT_VALUES_MERGE,
            CoreRules.UNION_MERGE,
            PruneEmptyRules.UNION_INSTANCE,
            PruneEmptyRules.PROJECT_INSTANCE,
            PruneEmptyRules.FILTER_INSTANCE,
            PruneEmptyRules.JOIN_LEFT_INSTANCE,
            PruneEmptyRules.JOIN_RIGHT_INSTANCE,
            PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE)),
        new Pass("join-order", OptimizerPasses::orderJoins),
        hep("join-keys-to-columns", List.of(
            CoreRules.JOIN_PUSH_EXPRESSIONS,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE)),
        hep("union-distinct", List.of(CoreRules.UNION_TO_DISTINCT)),
        hep("fuse-calcs", List.of(
            CoreRules.FILTER_TO_CALC,
            CoreRules.PROJECT_TO_CALC,
            CoreRules.CALC_MERGE,
            CoreRules.CALC_REMOVE)),
        new Pass("unbounded-string-parameters", UnboundedStringParameters::apply));
  }

  /** Below this many joins the order written is kept. */
  private static final int MIN_JOINS_TO_REORDER = 2;

  private static final HepProgram TO_MULTI_JOIN = HepProgram.builder()
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .build();

  private static final HepProgram OPTIMIZE_MULTI_JOIN = HepProgram.builder()
      .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
      .build();

  /**
   * Orders inner joins of three tables or more so that each join has a condition where one can:
   * {@code FROM a, b, c WHERE a.x = c.x AND c.y = b.y} must not join a with b as a cross product
   * first. The joins are gathered into one multi-join and ordered by {@link GreedyJoinOrder}.
   */
  private static RelNode orderJoins(RelNode rel) {
    if (RelOptUtil.countJoins(rel) < MIN_JOINS_TO_REORDER) {
      return rel;
    }
    RelNode multi = runHep(TO_MULTI_JOIN, rel);
    RelNode ordered = GreedyJoinOrder.apply(multi, builder(multi));
    // Multi-joins with outer joins are left to Calcite's heuristic.
    return runHep(OPTIMIZE_MULTI_JOIN, ordered);
  }

  private static final HepProgram TO_WINDOWS = HepProgram.builder()
      .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
      .build();

  /** Whether a projection in the tree calls a window function (most queries have none). */
  private static boolean containsOver(RelNode rel) {
    if (rel instanceof Project p && RexOver.containsOver(p.getProjects(), null)) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (containsOver(in)) {
        return true;
      }
    }
    return false;
  }

  private static RelNode runHep(HepProgram program, RelNode rel) {
    HepPlanner planner = new HepPlanner(program, null, true, null,
        org.apache.calcite.plan.RelOptCostImpl.FACTORY);
    planner.setExecutor(rel.getCluster().getPlanner().getExecutor());
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  /** Runs passes in order, logging the plan after each at debug level. */
  public static RelNode run(RelNode rel, List<Pass> passes) {
    RelNode current = rel;
    if (LOG.isDebugEnabled()) {
      LOG.debug("plan before optimization:\n{}", RelOptUtil.toString(current));
    }
    for (Pass pass : passes) {
      current = pass.rewrite().apply(current);
      if (LOG.isDebugEnabled()) {
        LOG.debug("plan after pass {}:\n{}", pass.name(), RelOptUtil.toString(current));
      }
    }
    return current;
  }

  private static Pass hep(String name, List<RelOptRule> rules) {
    HepProgramBuilder b = HepProgram.builder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addMatchLimit(20_000)
        .addRuleCollection(rules);
    HepProgram program = b.build();
    return new Pass(name, rel -> runHep(program, rel));
  }

  private static RelBuilder builder(RelNode rel) {
    return RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
  }
}
