package io.sluice.planner.translate;

import io.sluice.common.types.TypeKind;
import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.expr.GeneratedCode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.TableScanNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds conditions that fix a prefix of a table's primary key ({@code id = 5}, {@code id = ?},
 * {@code id IN (1, 2)}) so the scan reads only those keys. The condition itself stays in the
 * calc above, so this only ever narrows what is read; it never decides a row's fate.
 */
final class KeyLookups {
  private static final int MAX_LOOKUPS = 1024;

  private KeyLookups() {}

  /** The narrowed scan, or null when no key prefix is fixed. */
  static PlanNode narrow(TableDef table, RexProgram program, RelTranslator t) {
    int[] pk = table.primaryKeyArray();
    if (pk.length == 0) {
      return null;
    }
    RexNode condition = program.expandLocalRef(program.getCondition());
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    List<List<RexNode>> valuesPerColumn = new ArrayList<>();
    for (int column : pk) {
      if (table.rowType().type(column).kind() == TypeKind.CHAR) {
        break;
      }
      List<RexNode> values = valuesFor(column, conjuncts, t);
      if (values == null) {
        break;
      }
      valuesPerColumn.add(values);
    }
    if (valuesPerColumn.isEmpty()) {
      return null;
    }
    List<List<RexNode>> keys = new ArrayList<>();
    keys.add(new ArrayList<>());
    for (int i = 0; i < valuesPerColumn.size(); i++) {
      RelDataType columnType = program.getInputRowType().getFieldList().get(pk[i]).getType();
      List<List<RexNode>> next = new ArrayList<>();
      for (List<RexNode> prefix : keys) {
        for (RexNode v : valuesPerColumn.get(i)) {
          List<RexNode> k = new ArrayList<>(prefix);
          k.add(t.rexBuilder().makeCast(columnType, v, true, false));
          next.add(k);
        }
      }
      if (next.size() > MAX_LOOKUPS) {
        break;
      }
      keys = next;
    }
    int prefix = keys.get(0).size();
    if (prefix == 0) {
      return null;
    }
    List<GeneratedCode> lookups = new ArrayList<>();
    for (List<RexNode> k : keys) {
      lookups.add(t.codegen().constantRow(k, "key " + k));
    }
    return new TableScanNode(table, lookups, prefix);
  }

  /** The constant values a conjunct fixes for a column, or null. */
  private static List<RexNode> valuesFor(int column, List<RexNode> conjuncts, RelTranslator t) {
    for (RexNode c : conjuncts) {
      if (c.getKind() == SqlKind.SEARCH) {
        c = RexUtil.expandSearch(t.rexBuilder(), null, c);
      }
      List<RexNode> values = new ArrayList<>();
      for (RexNode d : RelOptUtil.disjunctions(c)) {
        RexNode v = equalityValue(d, column);
        if (v == null) {
          values = null;
          break;
        }
        values.add(v);
      }
      if (values != null && !values.isEmpty()) {
        return values;
      }
    }
    return null;
  }

  /** For {@code column = constant} the constant, else null. */
  private static RexNode equalityValue(RexNode node, int column) {
    if (node.getKind() != SqlKind.EQUALS) {
      return null;
    }
    RexCall call = (RexCall) node;
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    if (isColumn(a, column) && isConstant(b)) {
      return b;
    }
    if (isColumn(b, column) && isConstant(a)) {
      return a;
    }
    return null;
  }

  private static boolean isColumn(RexNode node, int column) {
    return node instanceof RexInputRef ref && ref.getIndex() == column;
  }

  private static boolean isConstant(RexNode node) {
    RexNode n = RexUtil.removeCast(node);
    return n instanceof RexLiteral || n instanceof RexDynamicParam;
  }
}
