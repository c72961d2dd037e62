package io.sluice.planner;

import io.sluice.plan.QueryPlan;
import java.util.function.Supplier;

/**
 * A view's query, validated and converted once: its shape at once, and for a materialized view
 * its continuous plan on demand, optimized from the same conversion. CREATE MATERIALIZED VIEW
 * so plans its query once, not once for the shape and again (from a fresh parse) for the
 * dataflow. The plan is made at most once; not thread-safe.
 */
public final class ViewAnalysis {
  private final ViewShape shape;
  private Supplier<QueryPlan> planner;
  private QueryPlan plan;

  ViewAnalysis(ViewShape shape, Supplier<QueryPlan> planner) {
    this.shape = shape;
    this.planner = planner;
  }

  /** The view's columns and what it reads. */
  public ViewShape shape() {
    return shape;
  }

  /**
   * The continuous plan of the query, as {@link SluicePlanner#planContinuous} makes it from
   * the query's text; planned at the first call. Throws what planning throws.
   */
  public QueryPlan continuousPlan() {
    if (plan == null) {
      Supplier<QueryPlan> p = planner;
      if (p == null) {
        throw new IllegalStateException("the view's plan failed before");
      }
      planner = null;
      plan = p.get();
    }
    return plan;
  }
}
