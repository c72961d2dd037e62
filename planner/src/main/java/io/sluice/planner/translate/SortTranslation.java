package io.sluice.planner.translate;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SortKey;
import io.sluice.plan.node.TopNNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * ORDER BY inside a query. With LIMIT or OFFSET it is a top-N; without, an order inside a
 * subquery means nothing for a multiset and is dropped. The statement's own final ORDER BY is
 * handled by the statement planner, which keeps it for presenting the result.
 */
public final class SortTranslation {
  private SortTranslation() {}

  static PlanNode sort(LogicalSort sort, RelTranslator t) {
    PlanNode input = t.translate(sort.getInput());
    if (sort.offset == null && sort.fetch == null) {
      return input;
    }
    return topN(sort, input);
  }

  /** The top-N node for a sort with OFFSET or LIMIT over an already translated input. */
  public static PlanNode topN(Sort sort, PlanNode input) {
    return new TopNNode(input, keys(sort.getCollation()), number(sort.offset, 0),
        number(sort.fetch, -1), parameter(sort.offset), parameter(sort.fetch));
  }

  /** Sort keys in Sluice's form, NULL ordering made explicit (NULLs are largest by default). */
  public static List<SortKey> keys(RelCollation collation) {
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation fc : collation.getFieldCollations()) {
      boolean descending = fc.getDirection().isDescending();
      boolean nullsFirst;
      switch (fc.nullDirection) {
        case FIRST:
          nullsFirst = true;
          break;
        case LAST:
          nullsFirst = false;
          break;
        default:
          nullsFirst = descending;
      }
      keys.add(new SortKey(fc.getFieldIndex(), descending, nullsFirst));
    }
    return keys;
  }

  /** The index of the query parameter a LIMIT or OFFSET is, or -1. */
  private static int parameter(RexNode node) {
    return node instanceof RexDynamicParam p ? p.getIndex() : -1;
  }

  private static long number(RexNode node, long absent) {
    if (node == null || node instanceof RexDynamicParam) {
      return absent;
    }
    if (node instanceof RexLiteral lit) {
      Long v = lit.getValueAs(Long.class);
      if (v == null || v < 0) {
        throw new SluiceException(io.sluice.common.error.SqlState.INVALID_PARAMETER_VALUE,
            "LIMIT and OFFSET must not be negative");
      }
      return v;
    }
    throw SluiceException.unsupported("LIMIT and OFFSET must be constants or parameters");
  }
}
