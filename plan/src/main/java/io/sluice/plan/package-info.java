/**
 * The plan: what the planner hands the executor. Everything here is immutable and free of
 * Calcite, so the executor can run it without the planner. {@link io.sluice.plan.node} holds the
 * operator tree, {@link io.sluice.plan.expr} the generated expression code and the interfaces it
 * implements, {@link io.sluice.plan.catalog} the definitions of tables and views.
 */
package io.sluice.plan;
