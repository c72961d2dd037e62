/**
 * Sluice's catalog and types as Calcite sees them, and the validator set up with Sluice's
 * dialect. Errors from Calcite leave this package as {@link
 * io.sluice.common.error.SluiceException}s with SQLSTATEs.
 */
package io.sluice.planner.calcite;
