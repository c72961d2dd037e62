/**
 * Base tables on disk. A {@link io.sluice.storage.table.StoredTable} keeps each row under its
 * table id followed by the order-preserving encoding of its primary key, or of a hidden row id
 * when the table has none. Reads go through snapshots; writes go into a batch that commits
 * atomically with the rest of the statement.
 */
package io.sluice.storage.table;
