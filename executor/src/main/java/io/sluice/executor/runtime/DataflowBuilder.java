package io.sluice.executor.runtime;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.TypeKind;
import io.sluice.executor.codegen.CodeCache;
import io.sluice.executor.operator.AggregateOperator;
import io.sluice.executor.operator.CalcOperator;
import io.sluice.executor.operator.DataErrors;
import io.sluice.executor.operator.HashJoinOperator;
import io.sluice.executor.operator.Operator;
import io.sluice.executor.operator.SetOpOperator;
import io.sluice.executor.operator.TopNOperator;
import io.sluice.executor.operator.WindowOperator;
import io.sluice.executor.operator.UnionAllOperator;
import io.sluice.plan.expr.JoinCondition;
import io.sluice.plan.expr.RowProgram;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.CalcNode;
import io.sluice.plan.node.ExchangeNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanVisitor;
import io.sluice.plan.node.SetOpNode;
import io.sluice.plan.node.StateTableDecl;
import io.sluice.plan.node.TableScanNode;
import io.sluice.plan.node.TopNNode;
import io.sluice.plan.node.UnionAllNode;
import io.sluice.plan.node.WindowNode;
import io.sluice.plan.node.ValuesNode;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.state.StateBackend;
import io.sluice.storage.state.StateTable;
import io.sluice.storage.state.StateTableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;

/**
 * Builds a dataflow from a plan: one vertex per plan node, operators chosen by double dispatch
 * on the node kind, state tables opened from the backend as the nodes declare them.
 */
public final class DataflowBuilder implements PlanVisitor<Vertex> {
  /** Numbers the state tables of a dataflow. */
  @FunctionalInterface
  public interface StateIds {
    /** The id of state table {@code index} (in declaration order) of {@code node}. */
    long id(PlanNode node, int index);
  }

  private final StateBackend backend;
  private final Object dataContext;
  private final Function<PlanNode, Source> leaves;
  private final StateIds stateIds;
  private DataErrors dataErrors;
  private final List<Vertex> vertices = new ArrayList<>();
  private final List<Map.Entry<Vertex, Source>> sources = new ArrayList<>();

  /**
   * @param backend where state tables are opened
   * @param dataContext the data context generated code reads
   * @param leaves the source of each table scan; for a VALUES node or an exchange, a source
   *     to stand for it, or null to emit the values once (VALUES) or to build straight
   *     through the exchange
   * @param stateIds the id of each state table; the same plan must get the same ids each time
   *     it is built, so that a dataflow built again finds its state
   */
  public DataflowBuilder(StateBackend backend, Object dataContext,
      Function<PlanNode, Source> leaves, StateIds stateIds) {
    this.backend = backend;
    this.dataContext = dataContext;
    this.leaves = leaves;
    this.stateIds = stateIds;
  }

  /** A builder for a short-lived dataflow: no exchanges, state tables numbered from 1. */
  DataflowBuilder(StateBackend backend, Object dataContext,
      Function<TableScanNode, Source> scanSources) {
    this(backend, dataContext, n -> n instanceof TableScanNode s ? scanSources.apply(s) : null,
        counter());
  }

  private static StateIds counter() {
    long[] next = {1};
    return (node, index) -> next[0]++;
  }

  /**
   * Makes the filters and projections built from now on keep data errors in {@code errors}
   * instead of throwing them (see {@link CalcOperator}); returns this builder.
   */
  public DataflowBuilder keepDataErrors(DataErrors errors) {
    this.dataErrors = errors;
    return this;
  }

  /** Every vertex built, inputs before the vertices that read them. */
  public List<Vertex> vertices() {
    return vertices;
  }

  /** The source vertices with their sources. */
  public List<Map.Entry<Vertex, Source>> sources() {
    return sources;
  }

  /** Adds a vertex for {@code node} and, recursively, its inputs; returns the node's vertex. */
  public Vertex build(PlanNode node) {
    return node.accept(this);
  }

  /**
   * Adds a vertex running {@code operator}, not made from a plan node, with the given input
   * count and state tables (with their ids).
   */
  public Vertex vertex(String name, Operator operator, int inputs,
      Map<StateTableDecl, Long> stateTables) {
    Map<String, StateTable> tables = new HashMap<>();
    for (Map.Entry<StateTableDecl, Long> e : stateTables.entrySet()) {
      tables.put(e.getKey().name(), open(name, e.getKey(), e.getValue()));
    }
    Vertex v = new Vertex(name, operator, inputs, tables, dataContext);
    vertices.add(v);
    return v;
  }

  private StateTable open(String owner, StateTableDecl d, long id) {
    List<KeyCodec.Column> key = new ArrayList<>();
    for (StateTableDecl.KeyColumn k : d.keyColumns()) {
      key.add(new KeyCodec.Column(k.type(), k.descending(), k.nullsLast()));
    }
    return backend.open(new StateTableSpec(id, owner + "." + d.name(), key, d.valueTypes(),
        d.writeOnly()));
  }

  private Vertex vertex(PlanNode node, Operator operator) {
    Map<String, StateTable> tables = new HashMap<>();
    List<StateTableDecl> decls = node.stateTables();
    for (int i = 0; i < decls.size(); i++) {
      StateTableDecl d = decls.get(i);
      tables.put(d.name(), open(node.getClass().getSimpleName(), d, stateIds.id(node, i)));
    }
    Vertex v = new Vertex(node.describe(), operator, node.inputs().size(), tables, dataContext);
    vertices.add(v);
    List<PlanNode> inputs = node.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      build(inputs.get(i)).connectTo(v, i);
    }
    return v;
  }

  private Vertex source(PlanNode node, Source source) {
    Vertex v = new Vertex(node.describe(), new SourceOperator(), 0, Map.of(), dataContext);
    vertices.add(v);
    sources.add(Map.entry(v, source));
    return v;
  }

  @Override
  public Vertex visitTableScan(TableScanNode node) {
    return source(node, leaves.apply(node));
  }

  @Override
  public Vertex visitValues(ValuesNode node) {
    Source s = leaves.apply(node);
    return source(node, s != null ? s : new ValuesSource(node.rows()));
  }

  @Override
  public Vertex visitCalc(CalcNode node) {
    return vertex(node,
        new CalcOperator(CodeCache.instance().instance(node.program(), RowProgram.class),
            dataErrors));
  }

  @Override
  public Vertex visitJoin(JoinNode node) {
    JoinCondition residual = node.residual() == null ? null
        : CodeCache.instance().instance(node.residual(), JoinCondition.class);
    TypeKind[] kinds = node.keyTypes().stream().map(DataType::kind).toArray(TypeKind[]::new);
    boolean[] nullSafe = new boolean[node.nullSafe().size()];
    for (int i = 0; i < nullSafe.length; i++) {
      nullSafe[i] = node.nullSafe().get(i);
    }
    return vertex(node, new HashJoinOperator(node.kind(), ints(node.leftKeys()),
        ints(node.rightKeys()), kinds, nullSafe, residual, node.left().rowType().size(),
        node.right().rowType().size()));
  }

  @Override
  public Vertex visitAggregate(AggregateNode node) {
    return vertex(node, new AggregateOperator(node.groupKeys(), node.calls()));
  }

  @Override
  public Vertex visitUnionAll(UnionAllNode node) {
    return vertex(node, new UnionAllOperator());
  }

  @Override
  public Vertex visitSetOp(SetOpNode node) {
    return vertex(node, new SetOpOperator(node.kind(), node.all(), node.inputs().size()));
  }

  @Override
  public Vertex visitTopN(TopNNode node) {
    long offset = node.offsetParam() < 0 ? node.offset()
        : parameter(node.offsetParam(), 0, "OFFSET");
    long limit = node.limitParam() < 0 ? node.limit()
        : parameter(node.limitParam(), -1, "LIMIT");
    return vertex(node, new TopNOperator(node.sortKeys(), offset, limit));
  }

  /**
   * The value of parameter {@code index} as a LIMIT or OFFSET: NULL means none (as in
   * PostgreSQL: no limit, no offset), a negative number is an error.
   */
  private long parameter(int index, long ifNull, String what) {
    Object v = dataContext instanceof DataContext c ? c.get("?" + index) : null;
    if (v == null) {
      return ifNull;
    }
    long n = ((Number) v).longValue();
    if (n < 0) {
      throw new SluiceException(SqlState.INVALID_PARAMETER_VALUE,
          what + " must not be negative");
    }
    return n;
  }

  @Override
  public Vertex visitWindow(WindowNode node) {
    return vertex(node, new WindowOperator(node));
  }

  @Override
  public Vertex visitExchange(ExchangeNode node) {
    Source s = leaves.apply(node);
    return s == null ? build(node.input()) : source(node, s);
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
