package io.sluice.planner.calcite;

import io.sluice.common.error.SluiceException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Refuses, before validation, the SQL that Calcite parses but Sluice cannot run, with the
 * position of the construct: otherwise the statement would fail only when its plan is
 * translated, with a message about the plan rather than the SQL.
 */
final class UnsupportedSyntax extends SqlBasicVisitor<Void> {
  private static final UnsupportedSyntax INSTANCE = new UnsupportedSyntax();

  private UnsupportedSyntax() {}

  /** Throws a {@code 0A000} error if the statement uses what Sluice does not support. */
  static void check(SqlNode statement) {
    statement.accept(INSTANCE);
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind() == SqlKind.OVER) {
      throw SluiceException.unsupported("window functions (OVER) are not supported yet"
          + at(call.getParserPosition()));
    }
    return super.visit(call);
  }

  private static String at(SqlParserPos pos) {
    return pos.getLineNum() > 0
        ? " (at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")" : "";
  }
}
