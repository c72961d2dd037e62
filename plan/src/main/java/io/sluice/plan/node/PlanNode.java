package io.sluice.plan.node;

import io.sluice.common.types.RowType;
import java.util.List;

/** A node of the operator tree. */
public sealed interface PlanNode
    permits TableScanNode, ValuesNode, CalcNode, JoinNode, AggregateNode, UnionAllNode,
        SetOpNode, TopNNode, WindowNode, ExchangeNode {
  /** The rows this node emits. */
  RowType rowType();

  /** The inputs, left to right. */
  List<PlanNode> inputs();

  /** The state tables this node's operator keeps; empty for a stateless node. */
  default List<StateTableDecl> stateTables() {
    return List.of();
  }

  /** Double dispatch to the visitor method for this node kind. */
  <R> R accept(PlanVisitor<R> visitor);

  /** A one-line description for EXPLAIN, without inputs. */
  String describe();
}
