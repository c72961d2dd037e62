package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;

import io.sluice.common.types.RowType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SetOpNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SetOpOperator} as change scripts: INTERSECT and EXCEPT with and without ALL run the
 * same four epochs of changes on two inputs and each states its output; NULLs compare equal;
 * EXCEPT ALL over three inputs subtracts both later inputs.
 */
class SetOpOperatorTest {
  private static final RowType ROW = type("x", INT);

  private static OperatorHarness setOp(SetOpNode.Kind kind, boolean all, int inputs) {
    List<PlanNode> in = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      in.add(input(ROW));
    }
    return OperatorHarness.open(new SetOpNode(in, kind, all, ROW),
        new SetOpOperator(kind, all, inputs));
  }

  private static void runScript(OperatorHarness h, String... expected) {
    h.push(0, "+2 [1]").push(1, "+1 [1]").push(0, "+1 [2]").push(1, "+1 [null]")
        .push(0, "+1 [null]").expect(expected[0]);
    h.push(1, "+3 [1]").expect(expected[1]);
    h.push(0, "-1 [1]").push(1, "-1 [null]").expect(expected[2]);
    h.push(1, "+1 [2]").push(0, "-2 [1]").expect(expected[3]);
  }

  @Test
  void intersectAll() {
    runScript(setOp(SetOpNode.Kind.INTERSECT, true, 2),
        "+1 [1]\n+1 [null]",
        "+1 [1]",
        "-1 [1]\n-1 [null]",
        "+1 [2]\n-1 [1]");
  }

  @Test
  void intersect() {
    runScript(setOp(SetOpNode.Kind.INTERSECT, false, 2),
        "+1 [1]\n+1 [null]",
        "",
        "-1 [null]",
        "+1 [2]\n-1 [1]");
  }

  @Test
  void exceptAll() {
    runScript(setOp(SetOpNode.Kind.EXCEPT, true, 2),
        "+1 [1]\n+1 [2]",
        "-1 [1]",
        "+1 [null]",
        "-1 [2]");
  }

  @Test
  void except() {
    runScript(setOp(SetOpNode.Kind.EXCEPT, false, 2),
        "+1 [2]",
        "",
        "+1 [null]",
        "-1 [2]");
  }

  @Test
  void exceptAllSubtractsEveryLaterInput() {
    setOp(SetOpNode.Kind.EXCEPT, true, 3)
        .push(0, "+5 [1]")
        .push(1, "+1 [1]")
        .push(2, "+2 [1]")
        .expect("+2 [1]")
        .push(2, "+3 [1]")
        .expect("-2 [1]")
        .push(1, "-1 [1]")
        .expect("");
  }
}
