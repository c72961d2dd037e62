/**
 * Continuous SELECTs ({@code SELECT STREAM ...}): each is a transient dataflow run by the
 * materialized views' epoch coordinator, whose committed result changes wait in a bounded
 * buffer until the client fetches them ({@link io.sluice.server.streams.ContinuousSelect}), and
 * the registry that starts, lists, times out and ends them ({@link
 * io.sluice.server.streams.ContinuousQueries}). See docs/design/03-continuous-select.md.
 */
package io.sluice.server.streams;
