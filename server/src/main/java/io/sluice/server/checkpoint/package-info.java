/**
 * Checkpoints: retained, restorable snapshots of a whole database (tables, logs, view state,
 * catalog) at a committed epoch; the layout of a data directory; restoring and exporting.
 */
package io.sluice.server.checkpoint;
