/**
 * What a run prints and writes: {@link io.sluice.slt.report.ConsoleReport} for people (a line
 * per file, the first failures, and a last line {@code N passed, N failed, N skipped} that
 * scripts may parse), {@link io.sluice.slt.report.JsonReport} for tools.
 */
package io.sluice.slt.report;
