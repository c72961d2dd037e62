package io.sluice.plan.node;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import java.util.List;
import java.util.Objects;

/**
 * ORDER BY ... OFFSET m LIMIT n: keeps the rows ranked {@code m+1 .. m+n} in sort order. Rows
 * that tie on every sort key are ranked by their full value, so the result is deterministic.
 *
 * <p>State {@code rows}: key = the sort keys (in their direction) then the whole row; value =
 * [count].
 *
 * @param offset rows to skip
 * @param limit rows to keep after the offset; -1 for no limit
 * @param offsetParam the query parameter that gives the offset when the query runs ({@code
 *     OFFSET ?}), or -1 for {@code offset}
 * @param limitParam the query parameter that gives the limit ({@code LIMIT ?}), or -1
 */
public record TopNNode(PlanNode input, List<SortKey> sortKeys, long offset, long limit,
    int offsetParam, int limitParam) implements PlanNode {
  public TopNNode {
    Objects.requireNonNull(input, "input");
    sortKeys = List.copyOf(sortKeys);
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset");
    }
  }

  /** A top-N whose offset and limit are constants. */
  public TopNNode(PlanNode input, List<SortKey> sortKeys, long offset, long limit) {
    this(input, sortKeys, offset, limit, -1, -1);
  }

  @Override
  public RowType rowType() {
    return input.rowType();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public List<StateTableDecl> stateTables() {
    return List.of(new StateTableDecl("rows",
        StateTableDecl.orderedRows(input.rowType(), sortKeys),
        List.of(new DataType(TypeKind.BIGINT, DataType.UNSPECIFIED, 0, false))));
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitTopN(this);
  }

  @Override
  public String describe() {
    String off = offsetParam >= 0 ? "?" + offsetParam : String.valueOf(offset);
    String lim = limitParam >= 0 ? ", limit=?" + limitParam : limit >= 0 ? ", limit=" + limit : "";
    return "TopN(order=" + sortKeys + ", offset=" + off + lim + ")";
  }
}
