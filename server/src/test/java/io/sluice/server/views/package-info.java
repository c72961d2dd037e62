/**
 * Randomized differential tests of materialized views: random data and random changes, every
 * view checked after every batch against the same query run ad hoc by Sluice and against H2
 * kept in lockstep ({@link io.sluice.server.views.MaterializedViewDifferentialTest}).
 */
package io.sluice.server.views;
