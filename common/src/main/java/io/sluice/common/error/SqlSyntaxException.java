package io.sluice.common.error;

/**
 * A syntax error at a position in the statement text. Lines and columns count from 1, as
 * editors show them; the message names both.
 */
public final class SqlSyntaxException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String detail;

  public SqlSyntaxException(int line, int column, String detail) {
    super(SqlState.SYNTAX_ERROR,
        "Syntax error at line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The line of the offending token, from 1. */
  public int line() {
    return line;
  }

  /** The column of the offending token, from 1. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String detail() {
    return detail;
  }
}
