/**
 * Running scripts against a database over JDBC. A {@link io.sluice.slt.run.ScriptRunner} runs
 * one file's records on one connection and counts them; a {@link io.sluice.slt.run.SuiteRunner}
 * runs many files on a thread pool; a {@link io.sluice.slt.run.FileIsolation} gives every file
 * an empty database.
 *
 * <p>How a query's rows are obtained is a {@link io.sluice.slt.run.QueryExecution}. Batch mode
 * ({@link io.sluice.slt.run.BatchQueryExecution}) runs the SELECT as written. Incremental mode,
 * once Sluice has materialized views, will be a second implementation: it will define a view
 * over each query before the data it reads is written, let the statements update it, and read
 * the view where the query stands, so the corpus checks the incremental path against the same
 * expected results.
 */
package io.sluice.slt.run;
