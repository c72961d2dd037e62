/**
 * The sqllogictest file format: a {@link io.sluice.slt.script.ScriptParser} turns the text of a
 * {@code .test} file into a {@link io.sluice.slt.script.Script} of records, independently of any
 * database. Which records run on which engine ({@code skipif}/{@code onlyif}) is decided when
 * the script runs, so one parse serves every engine name.
 */
package io.sluice.slt.script;
