package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Removes unary plus from a statement before validation: {@code +x} is {@code x}, whatever the
 * type of x, as in SQLite and MySQL. Calcite would first cast a string operand to a number, so
 * {@code + 'abc'} would fail at run time for an operator that does nothing.
 */
final class UnaryPlus extends SqlShuttle {
  static final UnaryPlus REMOVER = new UnaryPlus();

  private UnaryPlus() {}

  /** The statement without unary plus. */
  static SqlNode remove(SqlNode node) {
    SqlNode out = node.accept(REMOVER);
    return out == null ? node : out;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.PLUS_PREFIX) {
      SqlNode operand = call.operand(0);
      return operand.accept(this);
    }
    for (int i = 0; i < call.operandCount(); i++) {
      SqlNode operand = call.operand(i);
      if (operand != null) {
        SqlNode replaced = operand.accept(this);
        if (replaced != operand) {
          call.setOperand(i, replaced);
        }
      }
    }
    return call;
  }
}
