/**
 * The optimizer as a named list of passes ({@link io.sluice.planner.passes.OptimizerPasses}),
 * each a rewrite of Calcite's relational tree. The list is the whole optimizer; the plan after
 * each pass is logged at debug level.
 */
package io.sluice.planner.passes;
