/**
 * How query results become the text a test file expects, following SQLite's reference runner
 * ({@code slt_sqlite.c} and {@code sqllogictest.c}): each JDBC value rendered by its column's
 * type letter ({@link io.sluice.slt.result.ValueFormatter}), values put in order by the sort mode
 * ({@link io.sluice.slt.result.ResultSorter}), and results above the hash threshold replaced by
 * {@code N values hashing to <md5>} ({@link io.sluice.slt.result.ResultHash}).
 *
 * <p>SQLite has no booleans, decimals or dates, so a value of such a JDBC type is rendered as
 * SQLite would render the value it stores instead: TRUE as 1, a decimal as an integer if it is
 * whole and as a real otherwise, other objects through their text.
 */
package io.sluice.slt.result;
