package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.BOOL;
import static io.sluice.executor.operator.Plans.COUNT;
import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;

import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.expr.JoinCondition;
import io.sluice.plan.expr.RowProgram;
import io.sluice.plan.node.AggCall;
import io.sluice.plan.node.AggKind;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.CalcNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SetOpNode;
import io.sluice.plan.node.SortKey;
import io.sluice.plan.node.TopNNode;
import io.sluice.plan.node.UnionAllNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential tests: random insert/delete streams into each operator, and after
 * every barrier the sum of all its output must equal the operator's result computed from scratch
 * in this class over all its input so far. The references are written as plainly as possible
 * (nested loops, sorting, counting), independently of the operators.
 */
class OperatorDifferentialTest {
  private static final int EPOCHS = 40;

  private static Supplier<Object[]> rows(Random rnd, Object[]... domains) {
    return () -> {
      Object[] row = new Object[domains.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = domains[i][rnd.nextInt(domains[i].length)];
      }
      return row;
    };
  }

  private static final Object[] KEYS = {null, 0, 1, 2};
  private static final Object[] WORDS = {"p", "q", "r"};

  private static Map<List<Object>, Long> rowsOf(Changes c) {
    return c.weights();
  }

  // ---- Calc and UnionAll --------------------------------------------------------------------

  @Test
  void calc() {
    RowType in = type("k, w", INT, TEXT);
    RowType out = type("w, k2", TEXT, INT);
    RowProgram program = (ctx, r) -> r[0] != null && (Integer) r[0] != 1
        ? new Object[] {r[1], (Integer) r[0] * 2} : null;
    Random rnd = new Random(1);
    OperatorHarness h = OperatorHarness.open(
        new CalcNode(input(in), Plans.handWritten(RowProgram.class, "w, k * 2 WHERE k <> 1"), out),
        new CalcOperator(program));
    new RandomChanges(rnd, List.of(rows(rnd, KEYS, WORDS))).check(h, EPOCHS, inputs -> {
      Changes expected = new Changes();
      rowsOf(inputs.get(0)).forEach((r, w) -> {
        Object[] o = program.apply(null, r.toArray());
        if (o != null) {
          expected.add(o, w);
        }
      });
      return expected;
    }, "calc");
  }

  @Test
  void unionAll() {
    RowType row = type("k, w", INT, TEXT);
    Random rnd = new Random(2);
    OperatorHarness h = OperatorHarness.open(
        new UnionAllNode(List.of(input(row), input(row), input(row)), row), new UnionAllOperator());
    Supplier<Object[]> gen = rows(rnd, KEYS, WORDS);
    new RandomChanges(rnd, List.of(gen, gen, gen)).check(h, EPOCHS, inputs -> {
      Changes expected = new Changes();
      inputs.forEach(expected::addAll);
      return expected;
    }, "union all");
  }

  // ---- Join ---------------------------------------------------------------------------------

  @Test
  void joinOfEveryKind() {
    RowType left = type("k, a", INT, TEXT);
    RowType right = type("k, b", INT, TEXT);
    JoinCondition aNotAfterB = (ctx, l, r) -> ((String) l[1]).compareTo((String) r[1]) <= 0;
    long seed = 100;
    for (JoinKind kind : JoinKind.values()) {
      for (boolean nullSafe : new boolean[] {false, true}) {
        for (JoinCondition residual : new JoinCondition[] {null, aNotAfterB}) {
          Random rnd = new Random(seed++);
          JoinNode node = new JoinNode(input(left), input(right), kind, List.of(0), List.of(0),
              List.of(INT), List.of(nullSafe),
              residual == null ? null : Plans.handWritten(JoinCondition.class, "a <= b"),
              kind.projectsRight() ? left.concat(right) : left);
          OperatorHarness h = OperatorHarness.open(node, new HashJoinOperator(kind,
              new int[] {0}, new int[] {0}, new TypeKind[] {TypeKind.INTEGER},
              new boolean[] {nullSafe}, residual, 2, 2));
          new RandomChanges(rnd, List.of(rows(rnd, KEYS, WORDS), rows(rnd, KEYS, WORDS)))
              .check(h, EPOCHS, in -> joinReference(kind, nullSafe, residual, in.get(0),
                  in.get(1)), kind + " join, nullSafe=" + nullSafe + ", residual=" + residual);
        }
      }
    }
  }

  /** The join by nested loops over the two multisets, keys compared by SQL rules. */
  private static Changes joinReference(JoinKind kind, boolean nullSafe, JoinCondition residual,
      Changes left, Changes right) {
    Changes out = new Changes();
    Map<List<Object>, Boolean> rightMatched = new HashMap<>();
    rowsOf(right).keySet().forEach(r -> rightMatched.put(r, false));
    rowsOf(left).forEach((l, lw) -> {
      boolean matched = false;
      for (Map.Entry<List<Object>, Long> re : rowsOf(right).entrySet()) {
        List<Object> r = re.getKey();
        boolean keysMatch = l.get(0) == null || r.get(0) == null
            ? nullSafe && l.get(0) == null && r.get(0) == null
            : l.get(0).equals(r.get(0));
        if (keysMatch && (residual == null || residual.test(null, l.toArray(), r.toArray()))) {
          matched = true;
          rightMatched.put(r, true);
          if (kind.projectsRight()) {
            out.add(concat(l, r), lw * re.getValue());
          }
        }
      }
      if ((kind.keepsUnmatchedLeft() || kind == JoinKind.ANTI) && !matched) {
        out.add(kind.projectsRight() ? concat(l, Collections.nCopies(2, null)) : l.toArray(),
            lw);
      }
      if (kind == JoinKind.SEMI && matched) {
        out.add(l.toArray(), lw);
      }
    });
    if (kind.keepsUnmatchedRight()) {
      rowsOf(right).forEach((r, rw) -> {
        if (!rightMatched.get(r)) {
          out.add(concat(Collections.nCopies(2, null), r), rw);
        }
      });
    }
    return out;
  }

  private static Object[] concat(List<Object> a, List<Object> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray();
  }

  // ---- Aggregate ----------------------------------------------------------------------------

  private static final RowType AGG_IN = type("g, v, f", TEXT, INT, BOOL);

  private static AggCall agg(AggKind kind, int arg, boolean distinct, int filter, DataType t) {
    return new AggCall(kind, arg < 0 ? List.of() : List.of(arg), distinct, filter, null, t,
        kind.name().toLowerCase());
  }

  private static final List<AggCall> CALLS = List.of(
      agg(AggKind.COUNT, -1, false, -1, COUNT),
      agg(AggKind.COUNT, 1, false, -1, COUNT),
      agg(AggKind.COUNT, 1, true, -1, COUNT),
      agg(AggKind.SUM, 1, false, -1, INT),
      agg(AggKind.SUM, 1, true, -1, INT),
      agg(AggKind.SUM0, 1, false, -1, INT.withNullable(false)),
      agg(AggKind.MIN, 1, false, -1, INT),
      agg(AggKind.MAX, 1, false, -1, INT),
      agg(AggKind.ANY_VALUE, 1, false, -1, INT),
      agg(AggKind.COUNT, -1, false, 2, COUNT),
      agg(AggKind.SUM, 1, false, 2, INT),
      agg(AggKind.MAX, 1, false, 2, INT),
      agg(AggKind.BOOL_AND, 2, false, -1, BOOL),
      agg(AggKind.BOOL_OR, 2, false, -1, BOOL),
      agg(AggKind.STRING_AGG, 0, false, -1, TEXT),
      agg(AggKind.STRING_AGG, 0, true, -1, TEXT),
      agg(AggKind.STRING_AGG, 0, false, 2, TEXT),
      new AggCall(AggKind.STRING_AGG, List.of(0), false, -1, null, TEXT, "string_agg_by_v",
          List.of(new SortKey(1, true, true))));

  @Test
  void groupedAggregate() {
    checkAggregate(List.of(0), 200);
  }

  @Test
  void globalAggregate() {
    checkAggregate(List.of(), 201);
  }

  private static void checkAggregate(List<Integer> groupKeys, long seed) {
    List<Field> fields = new ArrayList<>();
    groupKeys.forEach(k -> fields.add(AGG_IN.field(k)));
    CALLS.forEach(c -> fields.add(new Field(c.name(), c.type())));
    Random rnd = new Random(seed);
    OperatorHarness h = OperatorHarness.open(
        new AggregateNode(input(AGG_IN), groupKeys, CALLS, new RowType(fields)),
        new AggregateOperator(groupKeys, CALLS));
    Supplier<Object[]> gen = rows(rnd, new Object[] {null, "a", "b", "c"},
        new Object[] {null, -2, 0, 1, 3, 7}, new Object[] {null, true, false});
    new RandomChanges(rnd, List.of(gen)).check(h, EPOCHS,
        in -> aggregateReference(groupKeys, in.get(0)), "aggregate by " + groupKeys);
  }

  /** Groups the rows (NULL is a group), then computes each call over its group's rows. */
  private static Changes aggregateReference(List<Integer> groupKeys, Changes input) {
    Map<List<Object>, List<Object[]>> groups = new HashMap<>();
    if (groupKeys.isEmpty()) {
      groups.put(List.of(), new ArrayList<>());
    }
    rowsOf(input).forEach((r, w) -> {
      List<Object> key = new ArrayList<>();
      groupKeys.forEach(k -> key.add(r.get(k)));
      for (long i = 0; i < w; i++) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r.toArray());
      }
    });
    Changes out = new Changes();
    groups.forEach((key, rows) -> {
      List<Object> result = new ArrayList<>(key);
      for (AggCall c : CALLS) {
        result.add(aggregate(c, rows));
      }
      out.add(result.toArray(), 1);
    });
    return out;
  }

  private static Object aggregate(AggCall c, List<Object[]> groupRows) {
    if (c.kind() == AggKind.STRING_AGG) {
      return stringAgg(c, groupRows);
    }
    List<Object> values = new ArrayList<>();
    long rowCount = 0;
    for (Object[] r : groupRows) {
      if (c.filterArg() >= 0 && !Boolean.TRUE.equals(r[c.filterArg()])) {
        continue;
      }
      rowCount++;
      if (!c.args().isEmpty() && r[c.args().get(0)] != null
          && (!c.distinct() || !values.contains(r[c.args().get(0)]))) {
        values.add(r[c.args().get(0)]);
      }
    }
    List<Integer> ints = values.stream().filter(v -> v instanceof Integer)
        .map(v -> (Integer) v).toList();
    switch (c.kind()) {
      case COUNT:
        return c.args().isEmpty() ? rowCount : (long) values.size();
      case SUM:
        return ints.isEmpty() ? null : ints.stream().mapToInt(Integer::intValue).sum();
      case SUM0:
        return ints.stream().mapToInt(Integer::intValue).sum();
      case MIN:
      case ANY_VALUE:
        return ints.stream().min(Comparator.naturalOrder()).orElse(null);
      case MAX:
        return ints.stream().max(Comparator.naturalOrder()).orElse(null);
      case BOOL_AND:
        return values.isEmpty() ? null : !values.contains(false);
      case BOOL_OR:
        return values.isEmpty() ? null : values.contains(true);
      default:
        throw new IllegalArgumentException(c.toString());
    }
  }

  /**
   * STRING_AGG(arg) with ',' between values: the rows in the call's order (one key here: v,
   * descending, NULLs first), ties and calls without an order in the order of the values.
   */
  private static Object stringAgg(AggCall c, List<Object[]> groupRows) {
    int arg = c.args().get(0);
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : groupRows) {
      if ((c.filterArg() < 0 || Boolean.TRUE.equals(r[c.filterArg()])) && r[arg] != null) {
        rows.add(r);
      }
    }
    Comparator<Object[]> byValue = Comparator.comparing(r -> (String) r[arg]);
    Comparator<Object[]> order = byValue;
    if (!c.order().isEmpty()) {
      int k = c.order().get(0).field();
      order = Comparator.<Object[], Integer>comparing(r -> (Integer) r[k],
          Comparator.nullsFirst(Comparator.<Integer>reverseOrder())).thenComparing(byValue);
    }
    rows.sort(order);
    List<Object> values = new ArrayList<>();
    for (Object[] r : rows) {
      if (!c.distinct() || !values.contains(r[arg])) {
        values.add(r[arg]);
      }
    }
    return values.isEmpty() ? null
        : String.join(",", values.stream().map(v -> (String) v).toList());
  }

  // ---- Set operations -----------------------------------------------------------------------

  @Test
  void setOperations() {
    RowType row = type("k, w", INT, TEXT);
    long seed = 300;
    for (SetOpNode.Kind kind : SetOpNode.Kind.values()) {
      for (boolean all : new boolean[] {false, true}) {
        for (int n = 2; n <= 3; n++) {
          Random rnd = new Random(seed++);
          List<PlanNode> inputs = new ArrayList<>();
          List<Supplier<Object[]>> gens = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            inputs.add(input(row));
            gens.add(rows(rnd, new Object[] {null, 1, 2}, new Object[] {"p", "q"}));
          }
          OperatorHarness h = OperatorHarness.open(new SetOpNode(inputs, kind, all, row),
              new SetOpOperator(kind, all, n));
          new RandomChanges(rnd, gens).check(h, EPOCHS, in -> setOpReference(kind, all, in),
              kind + (all ? " ALL" : "") + " of " + n + " inputs");
        }
      }
    }
  }

  /** Counts each distinct row in every input and applies the set operation to the counts. */
  private static Changes setOpReference(SetOpNode.Kind kind, boolean all, List<Changes> inputs) {
    Changes out = new Changes();
    for (List<Object> row : rowsOf(inputs.get(0)).keySet()) {
      long first = rowsOf(inputs.get(0)).get(row);
      long result = first;
      for (Changes other : inputs.subList(1, inputs.size())) {
        long count = rowsOf(other).getOrDefault(row, 0L);
        if (kind == SetOpNode.Kind.INTERSECT) {
          result = all ? Math.min(result, count) : result > 0 && count > 0 ? 1 : 0;
        } else {
          result = all ? Math.max(result - count, 0) : result > 0 && count == 0 ? 1 : 0;
        }
      }
      if (!all) {
        result = Math.min(result, 1);
      }
      out.add(row.toArray(), result);
    }
    return out;
  }

  // ---- Top-N --------------------------------------------------------------------------------

  @Test
  void topN() {
    RowType row = type("id, score", INT, INT);
    Random rnd = new Random(400);
    for (int round = 0; round < 24; round++) {
      List<SortKey> keys = new ArrayList<>();
      keys.add(new SortKey(1, rnd.nextBoolean(), rnd.nextBoolean()));
      if (rnd.nextBoolean()) {
        keys.add(new SortKey(0, rnd.nextBoolean(), rnd.nextBoolean()));
      }
      long offset = rnd.nextInt(4);
      long limit = new long[] {-1, 1, 2, 3}[rnd.nextInt(4)];
      OperatorHarness h = OperatorHarness.open(new TopNNode(input(row), keys, offset, limit),
          new TopNOperator(keys, offset, limit));
      new RandomChanges(rnd, List.of(rows(rnd, new Object[] {null, 0, 1, 2, 3, 4, 5},
          new Object[] {null, 0, 1, 2, 3, 4}))).check(h, EPOCHS / 2,
          in -> topNReference(keys, offset, limit, in.get(0)),
          "ORDER BY " + keys + " OFFSET " + offset + " LIMIT " + limit);
    }
  }

  /** Sorts every copy of every row (ties by the whole row, ascending, NULLs first) and cuts. */
  private static Changes topNReference(List<SortKey> keys, long offset, long limit,
      Changes input) {
    List<Object[]> copies = new ArrayList<>();
    rowsOf(input).forEach((r, w) -> {
      for (long i = 0; i < w; i++) {
        copies.add(r.toArray());
      }
    });
    Comparator<Object[]> order = (a, b) -> 0;
    for (SortKey k : keys) {
      order = order.thenComparing(r -> (Integer) r[k.field()], nullable(k.descending(),
          k.nullsFirst()));
    }
    for (int i = 0; i < 2; i++) {
      int field = i;
      order = order.thenComparing(r -> (Integer) r[field], nullable(false, true));
    }
    copies.sort(order);
    Changes out = new Changes();
    long end = limit < 0 ? copies.size() : Math.min(copies.size(), offset + limit);
    for (long i = offset; i < end; i++) {
      out.add(copies.get((int) i), 1);
    }
    return out;
  }

  private static Comparator<Integer> nullable(boolean descending, boolean nullsFirst) {
    Comparator<Integer> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
  }
}
