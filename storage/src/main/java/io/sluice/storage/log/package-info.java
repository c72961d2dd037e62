/**
 * Table change logs: every committed change of a table that a continuous query reads, in
 * commit order, under increasing sequence numbers. Dataflows read their input from here, both
 * while running and when they recover, which is what makes recovery exactly-once: a view's
 * committed epoch records the last sequence number it consumed of each table.
 */
package io.sluice.storage.log;
