/**
 * Continuous dataflows: materialized views kept up to date from table change logs, in epochs.
 * A {@link io.sluice.executor.stream.EpochCoordinator} cuts epochs (a cut is a log position per
 * table), every {@link io.sluice.executor.stream.StreamingDataflow} processes its input up to
 * the cut on the worker pool and seals its state, and the coordinator commits every dataflow's
 * state changes, view contents and log positions of the epoch in one atomic write. See
 * docs/design/02-streaming.md.
 */
package io.sluice.executor.stream;
