/**
 * Materialized views in the server: which tables are logged ({@link
 * io.sluice.server.views.ChangeLogs}), and the views' lifecycle — creation with backfill,
 * recovery after a restart, failure, removal — in {@link
 * io.sluice.server.views.MaterializedViews}, around the executor's epoch coordinator.
 */
package io.sluice.server.views;
