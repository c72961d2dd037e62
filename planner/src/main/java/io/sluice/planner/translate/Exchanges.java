package io.sluice.planner.translate;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.CalcNode;
import io.sluice.plan.node.ExchangeNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SetOpNode;
import io.sluice.plan.node.TableScanNode;
import io.sluice.plan.node.TopNNode;
import io.sluice.plan.node.UnionAllNode;
import io.sluice.plan.node.ValuesNode;
import io.sluice.plan.node.WindowNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Places the exchanges of a continuous plan. A dataflow runs in several partitions; a keyed
 * operator needs, in its partition, every row of the keys it owns, so the planner tracks how
 * each node's output is spread over partitions and adds an {@link ExchangeNode} wherever an
 * operator needs its input spread otherwise:
 *
 * <ul>
 *   <li>GROUP BY needs rows with equal group keys together, and a window the rows of each of
 *       its partitions; a global aggregate, a window without PARTITION BY, a top-N and a
 *       nested-loop join need all rows in one partition.
 *   <li>The two sides of an equi-join must be hashed alike on their keys (as the keys' common
 *       type), so that matching rows meet.
 *   <li>INTERSECT and EXCEPT hash every input on the whole row.
 *   <li>The view's contents (the sink) need the versions of a row together: rows equal on the
 *       view's unique key when it has one, else equal rows.
 * </ul>
 *
 * <p>Every part of the plan between exchanges (a fragment) either holds all its rows in one
 * partition or spreads them over all: UNION ALL never mixes the two without an exchange.
 *
 * <p>Table changes arrive spread arbitrarily (each partition reads a slice of the log). Where
 * rows already sit as needed — an aggregate over an aggregate's keys, a view of an aggregate —
 * no exchange is added. The plan does not depend on the number of partitions.
 */
public final class Exchanges {
  private Exchanges() {}

  /** How a node's rows are spread over the partitions. */
  private record Spread(Kind kind, List<Integer> keys, List<TypeKind> kinds) {
    enum Kind { ANY, SINGLE, HASH }

    static final Spread ANY = new Spread(Kind.ANY, List.of(), List.of());
    static final Spread SINGLE = new Spread(Kind.SINGLE, List.of(), List.of());

    static Spread hash(List<Integer> keys, List<TypeKind> kinds) {
      return new Spread(Kind.HASH, List.copyOf(keys), List.copyOf(kinds));
    }

    static Spread of(ExchangeNode e) {
      return e.isSingle() ? SINGLE
          : hash(e.keys(), e.keyTypes().stream().map(DataType::kind).toList());
    }

    /** Whether rows equal on {@code columns} are in one partition. */
    boolean groups(List<Integer> columns) {
      return kind == Kind.SINGLE
          || (kind == Kind.HASH && !columns.isEmpty() && new HashSet<>(columns).containsAll(keys));
    }
  }

  private record Placed(PlanNode node, Spread spread) {}

  /**
   * The plan with exchanges, ending in one that brings together, for the sink, the rows with
   * equal {@code uniqueKey} values (the versions of one row of a view stored by that key), or
   * equal rows when there is no key.
   */
  public static PlanNode place(PlanNode root, List<Integer> uniqueKey) {
    Placed p = visit(root);
    List<Integer> sinkKey = uniqueKey.isEmpty()
        ? IntStream.range(0, root.rowType().size()).boxed().toList() : uniqueKey;
    if (p.spread().groups(sinkKey)) {
      return p.node();
    }
    return sinkKey.isEmpty() ? ExchangeNode.single(p.node())
        : ExchangeNode.hash(p.node(), sinkKey);
  }

  private static Placed visit(PlanNode node) {
    if (node instanceof TableScanNode) {
      return new Placed(node, Spread.ANY);
    }
    if (node instanceof ValuesNode) {
      return new Placed(node, Spread.SINGLE);
    }
    if (node instanceof CalcNode calc) {
      Placed in = visit(calc.input());
      CalcNode out = new CalcNode(in.node(), calc.program(), calc.rowType(), calc.forwarded());
      return new Placed(out, throughCalc(in.spread(), calc.forwarded()));
    }
    if (node instanceof UnionAllNode union) {
      return unionAll(union);
    }
    if (node instanceof AggregateNode agg) {
      return aggregate(agg);
    }
    if (node instanceof JoinNode join) {
      return join(join);
    }
    if (node instanceof SetOpNode setOp) {
      return setOp(setOp);
    }
    if (node instanceof WindowNode window) {
      return window(window);
    }
    if (node instanceof TopNNode topN) {
      Placed in = visit(topN.input());
      return new Placed(new TopNNode(single(in), topN.sortKeys(), topN.offset(), topN.limit(),
          topN.offsetParam(), topN.limitParam()),
          Spread.SINGLE);
    }
    throw new IllegalArgumentException("no exchange rule for " + node.describe());
  }

  /**
   * UNION ALL keeps a spread all its inputs share. Inputs held in one partition are not mixed
   * with spread ones: they are hashed first, so that every part of a dataflow between exchanges
   * either runs in one partition or in all of them.
   */
  private static Placed unionAll(UnionAllNode union) {
    List<Placed> placed = union.inputs().stream().map(Exchanges::visit).toList();
    Spread first = placed.get(0).spread();
    if (placed.stream().allMatch(p -> p.spread().equals(first))) {
      return new Placed(new UnionAllNode(placed.stream().map(Placed::node).toList(),
          union.rowType()), first);
    }
    List<Integer> all = IntStream.range(0, union.rowType().size()).boxed().toList();
    List<PlanNode> inputs = new ArrayList<>();
    for (Placed p : placed) {
      inputs.add(p.spread().kind() == Spread.Kind.SINGLE ? ExchangeNode.hash(p.node(), all)
          : p.node());
    }
    return new Placed(new UnionAllNode(inputs, union.rowType()), Spread.ANY);
  }

  /** A calc keeps its input's spread as long as it forwards every hashed column. */
  private static Spread throughCalc(Spread in, List<Integer> forwarded) {
    if (in.kind() != Spread.Kind.HASH) {
      return in;
    }
    List<Integer> keys = new ArrayList<>();
    for (int k : in.keys()) {
      int out = forwarded.indexOf(k);
      if (out < 0) {
        return Spread.ANY;
      }
      keys.add(out);
    }
    return Spread.hash(keys, in.kinds());
  }

  private static Placed aggregate(AggregateNode agg) {
    Placed in = visit(agg.input());
    List<Integer> groupKeys = agg.groupKeys();
    PlanNode input = in.node();
    Spread spread = in.spread();
    if (groupKeys.isEmpty()) {
      input = single(in);
      spread = Spread.SINGLE;
    } else if (!spread.groups(groupKeys)) {
      ExchangeNode e = ExchangeNode.hash(input, groupKeys);
      input = e;
      spread = Spread.of(e);
    }
    Spread out = Spread.SINGLE;
    if (spread.kind() == Spread.Kind.HASH) {
      // Group key i is output column i.
      out = Spread.hash(spread.keys().stream().map(groupKeys::indexOf).toList(), spread.kinds());
    }
    return new Placed(new AggregateNode(input, groupKeys, agg.calls(), agg.rowType()), out);
  }

  /**
   * A window needs each partition's rows together: hashed on the partition keys, or all in one
   * partition without them. It forwards its input's columns, so the spread goes through.
   */
  private static Placed window(WindowNode w) {
    Placed in = visit(w.input());
    PlanNode input = in.node();
    Spread spread = in.spread();
    if (w.partitionKeys().isEmpty()) {
      input = single(in);
      spread = Spread.SINGLE;
    } else if (!spread.groups(w.partitionKeys())) {
      ExchangeNode e = ExchangeNode.hash(input, w.partitionKeys());
      input = e;
      spread = Spread.of(e);
    }
    return new Placed(new WindowNode(input, w.partitionKeys(), w.order(), w.frame(), w.calls(),
        w.constants(), w.rowType()), spread);
  }

  private static Placed join(JoinNode join) {
    Placed left = visit(join.left());
    Placed right = visit(join.right());
    if (join.leftKeys().isEmpty()
        || (left.spread().kind() == Spread.Kind.SINGLE
            && right.spread().kind() == Spread.Kind.SINGLE)) {
      return new Placed(rebuild(join, single(left), single(right)), Spread.SINGLE);
    }
    List<TypeKind> kinds = join.keyTypes().stream().map(DataType::kind).toList();
    PlanNode l = hashedOn(left, join.leftKeys(), join.keyTypes(), kinds);
    PlanNode r = hashedOn(right, join.rightKeys(), join.keyTypes(), kinds);
    Spread out;
    int leftWidth = join.left().rowType().size();
    if (join.kind() == JoinKind.FULL) {
      out = Spread.ANY;
    } else if (join.kind() == JoinKind.RIGHT) {
      out = Spread.hash(join.rightKeys().stream().map(k -> k + leftWidth).toList(), kinds);
    } else {
      // Inner, left, semi and anti joins emit rows only from the partition of their left row.
      out = Spread.hash(join.leftKeys(), kinds);
    }
    return new Placed(rebuild(join, l, r), out);
  }

  private static PlanNode hashedOn(Placed side, List<Integer> keys, List<DataType> types,
      List<TypeKind> kinds) {
    if (side.spread().equals(Spread.hash(keys, kinds))) {
      return side.node();
    }
    return new ExchangeNode(side.node(), keys, types);
  }

  private static JoinNode rebuild(JoinNode j, PlanNode left, PlanNode right) {
    return new JoinNode(left, right, j.kind(), j.leftKeys(), j.rightKeys(), j.keyTypes(),
        j.nullSafe(), j.residual(), j.rowType());
  }

  private static Placed setOp(SetOpNode setOp) {
    RowType type = setOp.rowType();
    List<Integer> all = IntStream.range(0, type.size()).boxed().toList();
    List<DataType> types = new ArrayList<>(type.types());
    List<TypeKind> kinds = types.stream().map(DataType::kind).toList();
    Spread wanted = Spread.hash(all, kinds);
    List<Placed> placed = setOp.inputs().stream().map(Exchanges::visit).toList();
    boolean allSingle = placed.stream().allMatch(p -> p.spread().kind() == Spread.Kind.SINGLE);
    List<PlanNode> inputs = new ArrayList<>();
    for (Placed p : placed) {
      inputs.add(allSingle || p.spread().equals(wanted) ? p.node()
          : new ExchangeNode(p.node(), all, types));
    }
    return new Placed(new SetOpNode(inputs, setOp.kind(), setOp.all(), type),
        allSingle ? Spread.SINGLE : wanted);
  }

  private static PlanNode single(Placed p) {
    return p.spread().kind() == Spread.Kind.SINGLE ? p.node() : ExchangeNode.single(p.node());
  }
}
