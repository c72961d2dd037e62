package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.RowType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.WindowCall;
import io.sluice.plan.node.WindowFrame;
import io.sluice.plan.node.WindowNode;
import io.sluice.planner.calcite.TypeConversion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/**
 * Window functions: each group of Calcite's window (calls sharing partition, order and frame)
 * becomes a {@link WindowNode} over the previous one, which appends the group's columns in the
 * order Calcite's window does.
 */
final class WindowTranslation {
  private WindowTranslation() {}

  static PlanNode window(LogicalWindow window, RelTranslator t) {
    PlanNode node = t.translate(window.getInput());
    int inputWidth = window.getInput().getRowType().getFieldCount();
    List<Object> constants = new ArrayList<>();
    for (RexLiteral c : window.constants) {
      constants.add(Literals.toInternal(c));
    }
    List<RelDataTypeField> fields = window.getRowType().getFieldList();
    int column = inputWidth;
    for (Window.Group group : window.groups) {
      int width = node.rowType().size();
      List<WindowCall> calls = new ArrayList<>();
      List<Object> nodeConstants = new ArrayList<>();
      for (Window.RexWinAggCall call : group.aggCalls) {
        if (call.distinct) {
          throw SluiceException.unsupported("DISTINCT in a window function is not supported");
        }
        List<Integer> args = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          int i = ((RexInputRef) operand).getIndex();
          if (i < inputWidth) {
            args.add(i);
          } else {
            args.add(width + nodeConstants.size());
            nodeConstants.add(constants.get(i - inputWidth));
          }
        }
        RelDataTypeField f = fields.get(column++);
        calls.add(new WindowCall(kind(call), args, TypeConversion.fromCalcite(f.getType()),
            f.getName()));
      }
      WindowFrame frame = new WindowFrame(group.isRows,
          bound(group.lowerBound, constants, inputWidth, group.isRows),
          bound(group.upperBound, constants, inputWidth, group.isRows));
      List<RelDataTypeField> outFields = fields.subList(0, column);
      RowType rowType = TypeConversion.rowTypeFromCalcite(
          t.typeFactory().createStructType(outFields));
      node = new WindowNode(node, group.keys.asList(), SortTranslation.keys(group.orderKeys),
          frame, calls, nodeConstants, rowType);
    }
    return node;
  }

  private static WindowCall.Kind kind(Window.RexWinAggCall call) {
    switch (call.getOperator().getKind()) {
      case ROW_NUMBER: return WindowCall.Kind.ROW_NUMBER;
      case RANK: return WindowCall.Kind.RANK;
      case DENSE_RANK: return WindowCall.Kind.DENSE_RANK;
      case PERCENT_RANK: return WindowCall.Kind.PERCENT_RANK;
      case CUME_DIST: return WindowCall.Kind.CUME_DIST;
      case NTILE: return WindowCall.Kind.NTILE;
      case LAG: return WindowCall.Kind.LAG;
      case LEAD: return WindowCall.Kind.LEAD;
      case FIRST_VALUE: return WindowCall.Kind.FIRST_VALUE;
      case LAST_VALUE: return WindowCall.Kind.LAST_VALUE;
      case NTH_VALUE: return WindowCall.Kind.NTH_VALUE;
      case COUNT: return WindowCall.Kind.COUNT;
      case SUM: return WindowCall.Kind.SUM;
      case SUM0: return WindowCall.Kind.SUM0;
      case MIN: return WindowCall.Kind.MIN;
      case MAX: return WindowCall.Kind.MAX;
      case AVG: return WindowCall.Kind.AVG;
      default:
        throw SluiceException.unsupported("the window function "
            + call.getOperator().getName() + " is not supported yet");
    }
  }

  private static WindowFrame.Bound bound(RexWindowBound b, List<Object> constants,
      int inputWidth, boolean rows) {
    if (b.isUnbounded()) {
      return new WindowFrame.Bound(b.isPreceding() ? WindowFrame.BoundKind.UNBOUNDED_PRECEDING
          : WindowFrame.BoundKind.UNBOUNDED_FOLLOWING, 0);
    }
    if (b.isCurrentRow()) {
      return new WindowFrame.Bound(WindowFrame.BoundKind.CURRENT_ROW, 0);
    }
    if (!rows) {
      throw SluiceException.unsupported(
          "RANGE frames with an offset are not supported yet; use ROWS");
    }
    RexNode offset = b.getOffset();
    Object value = offset instanceof RexLiteral lit ? Literals.toInternal(lit)
        : offset instanceof RexInputRef ref && ref.getIndex() >= inputWidth
            ? constants.get(ref.getIndex() - inputWidth) : null;
    if (!(value instanceof Number n) || n.longValue() < 0) {
      throw SluiceException.unsupported("a window frame's offset must be a constant number"
          + " of rows, not negative");
    }
    return new WindowFrame.Bound(b.isPreceding() ? WindowFrame.BoundKind.PRECEDING
        : WindowFrame.BoundKind.FOLLOWING, n.longValue());
  }
}
