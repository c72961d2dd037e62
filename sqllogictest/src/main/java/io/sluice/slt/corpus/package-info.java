/**
 * Finding test files. A path on the command line is a file or folder on disk, or else a path
 * inside SQLite's corpus, which ships as resources under {@code test/} in the
 * {@code net.hydromatic:sql-logic-test} jar on the classpath ({@code select1.test},
 * {@code random/aggregates}, {@code evidence}).
 */
package io.sluice.slt.corpus;
