/**
 * The planner: statement AST in, {@link io.sluice.plan.QueryPlan} or {@link
 * io.sluice.plan.ModifyPlan} out. The pipeline reads in package order: {@link
 * io.sluice.planner.calcite} (catalog, types and validation through Calcite), {@link
 * io.sluice.planner.passes} (the named optimizer passes), {@link io.sluice.planner.translate}
 * (Calcite relational operators to Sluice plan nodes) and {@link io.sluice.planner.codegen}
 * (expressions to Java source). {@link io.sluice.planner.SluicePlanner} is the entry point.
 */
package io.sluice.planner;
