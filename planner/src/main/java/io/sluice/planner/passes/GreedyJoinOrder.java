package io.sluice.planner.passes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Turns each multi-join of inner joins into a left-deep join tree in which every join, where
 * the conditions allow, shares a condition with the tables already joined: starting with the
 * first table, it repeatedly adds the first table (in FROM order) that a condition connects to
 * those joined so far, and only takes a table without one (a cross product) when none is
 * connected. Conditions attach to the lowest join where all their tables are present.
 *
 * <p>It looks at the shape of the conditions only, so it costs next to nothing for many tables
 * (Calcite's cost-based ordering needs row-count estimates Sluice does not keep and was most
 * of the planning time for twenty-table joins). Multi-joins with outer joins are left to
 * Calcite's rule.
 */
final class GreedyJoinOrder {
  private GreedyJoinOrder() {}

  /** Whether a multi-join is made of inner joins only. */
  static boolean applies(MultiJoin m) {
    if (m.isFullOuterJoin() || m.getPostJoinFilter() != null) {
      return false;
    }
    for (JoinRelType t : m.getJoinTypes()) {
      if (t != JoinRelType.INNER) {
        return false;
      }
    }
    return true;
  }

  /** Replaces every inner-only multi-join in the tree with an ordered join tree. */
  static RelNode apply(RelNode rel, RelBuilder builder) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof MultiJoin m && applies(m)) {
          return order(m, builder);
        }
        return visited;
      }
    });
  }

  private static RelNode order(MultiJoin m, RelBuilder b) {
    List<RelNode> inputs = m.getInputs();
    int n = inputs.size();
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
    }
    List<RexNode> conditions = RelOptUtil.conjunctions(m.getJoinFilter());
    List<BitSet> factorsOf = new ArrayList<>();
    for (RexNode c : conditions) {
      BitSet factors = new BitSet();
      for (int field : RelOptUtil.InputFinder.bits(c)) {
        factors.set(factorOf(field, offsets));
      }
      factorsOf.add(factors);
    }

    // The order: each next factor connected to the joined set if any is.
    List<Integer> order = new ArrayList<>();
    BitSet joined = new BitSet();
    order.add(0);
    joined.set(0);
    while (order.size() < n) {
      int next = -1;
      for (int f = 0; f < n && next < 0; f++) {
        if (joined.get(f)) {
          continue;
        }
        for (BitSet factors : factorsOf) {
          if (factors.get(f) && factors.intersects(joined)) {
            next = f;
            break;
          }
        }
      }
      if (next < 0) {
        next = joined.nextClearBit(0);
      }
      order.add(next);
      joined.set(next);
    }

    // Where each original field lands in the new order.
    int total = offsets[n];
    int[] newPosition = new int[total];
    int pos = 0;
    for (int f : order) {
      for (int i = offsets[f]; i < offsets[f + 1]; i++) {
        newPosition[i] = pos++;
      }
    }
    Mappings.TargetMapping mapping = Mappings.target(i -> newPosition[i], total, total);
    RexBuilder rex = m.getCluster().getRexBuilder();

    boolean[] used = new boolean[conditions.size()];
    BitSet present = new BitSet();
    b.push(inputs.get(order.get(0)));
    present.set(order.get(0));
    for (int k = 1; k < n; k++) {
      int f = order.get(k);
      present.set(f);
      b.push(inputs.get(f));
      List<RexNode> here = new ArrayList<>();
      for (int c = 0; c < conditions.size(); c++) {
        BitSet factors = factorsOf.get(c);
        BitSet outside = (BitSet) factors.clone();
        outside.andNot(present);
        if (!used[c] && outside.isEmpty()) {
          used[c] = true;
          here.add(conditions.get(c).accept(new RexPermuteInputsShuttle(mapping)));
        }
      }
      b.join(JoinRelType.INNER, RexUtil.composeConjunction(rex, here));
    }
    List<RexNode> leftover = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) {
      if (!used[c]) {
        leftover.add(conditions.get(c).accept(new RexPermuteInputsShuttle(mapping)));
      }
    }
    if (!leftover.isEmpty()) {
      b.filter(leftover);
    }
    // Back to the multi-join's field order.
    List<RexNode> project = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      project.add(RexInputRef.of(newPosition[i], b.peek().getRowType()));
    }
    b.project(project, m.getRowType().getFieldNames(), true);
    return b.build();
  }

  private static int factorOf(int field, int[] offsets) {
    for (int f = 0; f < offsets.length - 1; f++) {
      if (field < offsets[f + 1]) {
        return f;
      }
    }
    throw new IllegalArgumentException("field " + field + " beyond the multi-join");
  }
}
