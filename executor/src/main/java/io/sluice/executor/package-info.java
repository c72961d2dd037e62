/**
 * The executor runs plans. Streams are {@link io.sluice.executor.data.Chunk}s of weighted rows;
 * {@link io.sluice.executor.operator operators} map input changes to output changes and keep
 * their state in state tables; {@link io.sluice.executor.runtime} wires operators into a
 * dataflow, aligns barriers and drives sources; {@link io.sluice.executor.codegen} compiles the
 * plan's generated expression code; {@link io.sluice.executor.dml} writes to tables.
 *
 * <p>This module never imports Calcite's planner or ANTLR: it uses only Calcite's runtime
 * library, which generated code calls ({@code ArchitectureTest} checks this).
 */
package io.sluice.executor;
