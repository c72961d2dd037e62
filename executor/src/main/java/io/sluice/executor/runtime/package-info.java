/**
 * Dataflows: operator instances wired by {@link io.sluice.executor.runtime.DataflowBuilder}
 * from a plan, each wrapped in a {@link io.sluice.executor.runtime.Vertex} that aligns barriers
 * across its inputs, driven by sources. {@link io.sluice.executor.runtime.AdhocQuery} runs a
 * query over a snapshot: every source's rows, then one final barrier, then the collected result
 * sorted for presentation.
 */
package io.sluice.executor.runtime;
