package io.sluice.plan;

import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.StateTableDecl;

/** Prints an operator tree, one node a line, inputs indented, with each node's state tables. */
public final class PlanPrinter {
  private PlanPrinter() {}

  /** The tree as text. */
  public static String print(PlanNode root) {
    StringBuilder sb = new StringBuilder();
    print(sb, root, 0);
    return sb.toString();
  }

  private static void print(StringBuilder sb, PlanNode node, int depth) {
    String indent = "  ".repeat(depth);
    sb.append(indent).append(node.describe()).append('\n');
    for (StateTableDecl s : node.stateTables()) {
      sb.append(indent).append("    state ").append(s.describe()).append('\n');
    }
    for (PlanNode in : node.inputs()) {
      print(sb, in, depth + 1);
    }
  }
}
