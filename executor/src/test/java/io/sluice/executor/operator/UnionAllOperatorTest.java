package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;

import io.sluice.common.types.RowType;
import io.sluice.plan.node.UnionAllNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UnionAllOperator} forwards the changes of every input unchanged. */
class UnionAllOperatorTest {
  private static final RowType ROW = type("a, s", INT, TEXT);

  @Test
  void forwardsEveryInputsChanges() {
    UnionAllNode node = new UnionAllNode(List.of(input(ROW), input(ROW), input(ROW)), ROW);
    OperatorHarness.open(node, new UnionAllOperator())
        .push(0, "+1 [1, 'a']")
        .push(1, "+2 [1, 'a']")
        .push(2, "+1 [null, null]")
        .expect("""
            +3 [1, 'a']
            +1 [null, null]
            """)
        .push(2, "-1 [null, null]")
        .push(1, "-1 [1, 'a']")
        .push(0, "+1 [2, 'b']")
        .expect("""
            -1 [null, null]
            -1 [1, 'a']
            +1 [2, 'b']
            """);
  }
}
