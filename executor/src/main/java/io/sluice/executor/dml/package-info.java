/**
 * Writing to base tables: checking rows against their table's definition and turning a
 * statement's changes into one atomic, durable write.
 */
package io.sluice.executor.dml;
