/**
 * Running scripts against a database over JDBC. A {@link io.sluice.slt.run.ScriptRunner} runs
 * one file's records on one database and counts them; a {@link io.sluice.slt.run.SuiteRunner}
 * runs many files on a thread pool; a {@link io.sluice.slt.run.FileIsolation} gives every file
 * an empty database, or a {@link io.sluice.slt.run.ServerProcess} of its own when the file
 * checkpoints, restarts or kills the server ({@code sluice} records, carried out by {@code
 * DirectiveRunner} and {@code Freshness}).
 *
 * <p>How a query's rows are obtained is a {@link io.sluice.slt.run.QueryExecution}. Batch mode
 * ({@link io.sluice.slt.run.BatchQueryExecution}) runs the SELECT as written; incremental mode
 * ({@link io.sluice.slt.run.IncrementalQueryExecution}) defines a materialized view over each
 * query before the data it reads is written, lets the statements update it, and reads the view
 * where the query stands, so the same expected results check the incremental path.
 */
package io.sluice.slt.run;
