package io.sluice.plan.node;

/** One method per node kind. */
public interface PlanVisitor<R> {
  R visitTableScan(TableScanNode node);

  R visitValues(ValuesNode node);

  R visitCalc(CalcNode node);

  R visitJoin(JoinNode node);

  R visitAggregate(AggregateNode node);

  R visitUnionAll(UnionAllNode node);

  R visitSetOp(SetOpNode node);

  R visitTopN(TopNNode node);

  R visitWindow(WindowNode node);

  R visitExchange(ExchangeNode node);
}
