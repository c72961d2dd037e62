/**
 * Typed state tables for operators. The planner declares each table (a {@link
 * io.sluice.storage.state.StateTableSpec}: key columns with their order, value columns); the
 * executor opens it from a {@link io.sluice.storage.state.StateBackend}; operators read and write
 * it through a {@link io.sluice.storage.state.StateTable} and never see how it is stored.
 *
 * <p>Ownership: {@code put} takes ownership of the key and value arrays (callers must not change
 * them afterwards) and {@code get} and cursors return arrays the caller must not change. Every
 * backend behaves the same way, which the shared contract tests check.
 */
package io.sluice.storage.state;
