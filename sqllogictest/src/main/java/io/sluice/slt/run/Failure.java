package io.sluice.slt.run;

/**
 * A record that did not behave as its file says.
 *
 * @param line the record's line in the file
 * @param sql the SQL it ran (empty for a malformed record)
 * @param expected what the file expects, as text (lines joined by newlines)
 * @param actual what happened: the output in the file's form, or the error
 */
public record Failure(int line, String sql, String expected, String actual) {}
