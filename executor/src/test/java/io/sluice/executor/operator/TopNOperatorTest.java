package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;

import io.sluice.common.types.RowType;
import io.sluice.plan.node.SortKey;
import io.sluice.plan.node.TopNNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TopNOperator} as change scripts over {@code (id, score)}: the window of ranks after
 * the offset follows inserts and deletes above, inside and below it, NULLs sort where the sort
 * key says, copies of a row are ranked one by one, and ties are broken by the whole row.
 */
class TopNOperatorTest {
  private static final RowType ROW = type("id, score", INT, INT);

  private static OperatorHarness topN(List<SortKey> keys, long offset, long limit) {
    return OperatorHarness.open(new TopNNode(input(ROW), keys, offset, limit),
        new TopNOperator(keys, offset, limit));
  }

  /** {@code ORDER BY score DESC NULLS LAST OFFSET 1 LIMIT 2}. */
  @Test
  void offsetAndLimitFollowInsertsAndDeletes() {
    topN(List.of(new SortKey(1, true, false)), 1, 2)
        .push("""
            +1 [1, 10]
            +1 [2, 20]
            +1 [3, 30]
            +1 [4, 40]
            """)
        .expect("""
            +1 [3, 30]
            +1 [2, 20]
            """)
        .push("+1 [5, 35]")
        .expect("""
            -1 [2, 20]
            +1 [5, 35]
            """)
        .push("-1 [4, 40]")
        .expect("""
            -1 [5, 35]
            +1 [2, 20]
            """)
        .push("+1 [6, null]")
        .expect("")
        .push("-1 [3, 30]\n-1 [2, 20]")
        .expect("""
            -1 [3, 30]
            -1 [2, 20]
            +1 [1, 10]
            +1 [6, null]
            """);
  }

  /** {@code ORDER BY score ASC NULLS FIRST LIMIT 2}. */
  @Test
  void nullsFirstAndCopiesAreRankedOneByOne() {
    topN(List.of(new SortKey(1, false, true)), 0, 2)
        .push("+2 [1, 5]\n+1 [2, 3]")
        .expect("+1 [2, 3]\n+1 [1, 5]")
        .push("-1 [2, 3]")
        .expect("-1 [2, 3]\n+1 [1, 5]")
        .push("+1 [3, null]")
        .expect("+1 [3, null]\n-1 [1, 5]");
  }

  /** {@code ORDER BY score LIMIT 1}: of two rows with equal scores the smaller row wins. */
  @Test
  void tiesAreBrokenByTheWholeRow() {
    topN(List.of(new SortKey(1, false, false)), 0, 1)
        .push("+1 [2, 7]")
        .push("+1 [1, 7]")
        .expect("+1 [1, 7]");
  }

  /** {@code ORDER BY id OFFSET 2} without a limit. */
  @Test
  void offsetWithoutLimit() {
    topN(List.of(new SortKey(0, false, false)), 2, -1)
        .push("+1 [1, 0]\n+1 [2, 0]\n+1 [3, 0]\n+1 [4, 0]")
        .expect("+1 [3, 0]\n+1 [4, 0]")
        .push("-1 [1, 0]")
        .expect("-1 [3, 0]")
        .expect("");
  }

  /**
   * {@code ORDER BY s DESC, t NULLS FIRST LIMIT 1}: 'a' || CHR(0) is greater than 'a', so it
   * comes first in descending order whatever follows.
   */
  @Test
  void descendingStringsRankALongerStringFirst() {
    List<SortKey> keys = List.of(new SortKey(0, true, false), new SortKey(1, false, true));
    OperatorHarness.open(new TopNNode(input(type("s, t", TEXT, INT)), keys, 0, 1),
            new TopNOperator(keys, 0, 1))
        .push("+1 ['a', null]")
        .push("+1 ['a\u0000', null]")
        .expect("+1 ['a\u0000', null]");
  }
}
