package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.BOOL;
import static io.sluice.executor.operator.Plans.COUNT;
import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;
import io.sluice.common.types.DataType;
import io.sluice.common.types.Field;
import io.sluice.common.types.RowType;
import io.sluice.plan.node.AggCall;
import io.sluice.plan.node.AggKind;
import io.sluice.plan.node.AggregateNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AggregateOperator} as change scripts over input {@code (g VARCHAR, v INTEGER, f
 * BOOLEAN)}: COUNT, COUNT(DISTINCT), SUM, SUM0, MIN and MAX under inserts and deletes (deleting
 * the current extreme yields the next one), FILTER arguments, SINGLE_VALUE and LITERAL, a global
 * aggregate over empty input, groups that disappear when their last row goes, DECIMAL sums and
 * overflow. Output comes at barriers, as the retraction of a group's old row and the insertion
 * of its new one.
 */
class AggregateOperatorTest {
  private static final RowType IN = type("g, v, f", TEXT, INT, BOOL);
  private static final int G = 0;
  private static final int V = 1;
  private static final int F = 2;

  private static AggCall call(AggKind kind, List<Integer> args, boolean distinct, int filter,
      DataType type) {
    return new AggCall(kind, args, distinct, filter, null, type, kind.name().toLowerCase());
  }

  private static AggCall call(AggKind kind, DataType type) {
    return call(kind, kind == AggKind.COUNT ? List.of() : List.of(V), false, -1, type);
  }

  private static OperatorHarness aggregate(List<Integer> groupKeys, AggCall... calls) {
    return aggregate(IN, groupKeys, calls);
  }

  private static OperatorHarness aggregate(RowType in, List<Integer> groupKeys,
      AggCall... calls) {
    List<Field> fields = new ArrayList<>();
    for (int k : groupKeys) {
      fields.add(in.field(k));
    }
    for (AggCall c : calls) {
      fields.add(new Field(c.name(), c.type()));
    }
    AggregateNode node = new AggregateNode(input(in), groupKeys, List.of(calls),
        new RowType(fields));
    return OperatorHarness.open(node, new AggregateOperator(groupKeys, List.of(calls)));
  }

  /** {@code g, COUNT(*), COUNT(v), COUNT(DISTINCT v), SUM(v), SUM0(v), MIN(v), MAX(v)}. */
  private static OperatorHarness groupedByG() {
    return aggregate(List.of(G),
        call(AggKind.COUNT, COUNT),
        call(AggKind.COUNT, List.of(V), false, -1, COUNT),
        call(AggKind.COUNT, List.of(V), true, -1, COUNT),
        call(AggKind.SUM, INT),
        call(AggKind.SUM0, INT.withNullable(false)),
        call(AggKind.MIN, INT),
        call(AggKind.MAX, INT));
  }

  @Test
  void groupedAggregatesFollowInsertsAndDeletes() {
    groupedByG()
        .push("""
            +1 ['a', 1, true]
            +1 ['a', 3, true]
            +1 ['a', 3, false]
            +1 ['b', null, true]
            """)
        .expect("""
            +1 ['a', 3, 3, 2, 7, 7, 1, 3]
            +1 ['b', 1, 0, 0, null, 0, null, null]
            """)
        .push("-1 ['a', 3, true]")
        .expect("""
            -1 ['a', 3, 3, 2, 7, 7, 1, 3]
            +1 ['a', 2, 2, 2, 4, 4, 1, 3]
            """)
        .push("-1 ['a', 3, false]")
        .expect("""
            -1 ['a', 2, 2, 2, 4, 4, 1, 3]
            +1 ['a', 1, 1, 1, 1, 1, 1, 1]
            """)
        .push("+1 ['a', 5, true]")
        .push("-1 ['a', 1, true]")
        .expect("""
            -1 ['a', 1, 1, 1, 1, 1, 1, 1]
            +1 ['a', 1, 1, 1, 5, 5, 5, 5]
            """);
  }

  @Test
  void deletingTheCurrentMinOrMaxYieldsTheNextOne() {
    aggregate(List.of(G), call(AggKind.MIN, INT), call(AggKind.MAX, INT))
        .push("""
            +1 ['a', 2, true]
            +1 ['a', 4, true]
            +2 ['a', 1, true]
            +1 ['a', 9, true]
            """)
        .expect("+1 ['a', 1, 9]")
        .push("-1 ['a', 1, true]")
        .expect("")
        .push("-1 ['a', 1, true]")
        .push("-1 ['a', 9, true]")
        .expect("""
            -1 ['a', 1, 9]
            +1 ['a', 2, 4]
            """);
  }

  /**
   * MIN and MAX of numbers are kept as values come and go, and the group's values are scanned
   * only when the extreme itself is gone; each case here mixes both within one epoch.
   */
  @Test
  void minAndMaxFollowSeveralChangesWithinOneEpoch() {
    aggregate(List.of(G), call(AggKind.MIN, INT), call(AggKind.MAX, INT))
        .push("""
            +1 ['a', 5, true]
            +1 ['a', 7, true]
            """)
        .expect("+1 ['a', 5, 7]")
        // A better value comes and goes; the maximum goes and a smaller one comes.
        .push("""
            +1 ['a', 1, true]
            -1 ['a', 1, true]
            -1 ['a', 7, true]
            +1 ['a', 6, true]
            """)
        .expect("""
            -1 ['a', 5, 7]
            +1 ['a', 5, 6]
            """)
        // One of two copies of the maximum goes; a new minimum comes.
        .push("""
            +1 ['a', 6, true]
            -1 ['a', 6, true]
            +1 ['a', 2, true]
            """)
        .expect("""
            -1 ['a', 5, 6]
            +1 ['a', 2, 6]
            """)
        // The minimum goes, comes back, and goes again; then every value goes.
        .push("""
            -1 ['a', 2, true]
            +1 ['a', 2, true]
            -1 ['a', 2, true]
            """)
        .expect("""
            -1 ['a', 2, 6]
            +1 ['a', 5, 6]
            """)
        .push("""
            -1 ['a', 5, true]
            -1 ['a', 6, true]
            """)
        .expect("-1 ['a', 5, 6]");
  }

  /** Strings are not kept as they come: their extremes are always found by a scan. */
  @Test
  void minAndMaxOfStringsFollowChangesWithinOneEpoch() {
    aggregate(List.of(V), call(AggKind.MIN, List.of(G), false, -1, TEXT),
        call(AggKind.MAX, List.of(G), false, -1, TEXT))
        .push("""
            +1 ['b', 1, true]
            +1 ['a', 1, true]
            """)
        .expect("+1 [1, 'a', 'b']")
        .push("""
            -1 ['a', 1, true]
            +1 ['c', 1, true]
            +1 ['ab', 1, true]
            """)
        .expect("""
            -1 [1, 'a', 'b']
            +1 [1, 'ab', 'c']
            """);
  }

  @Test
  void groupsDisappearWhenTheirCountDropsToZero() {
    groupedByG()
        .push("+1 ['a', 1, true]")
        .push("+2 ['b', 2, true]")
        .expect("""
            +1 ['a', 1, 1, 1, 1, 1, 1, 1]
            +1 ['b', 2, 2, 1, 4, 4, 2, 2]
            """)
        .push("-2 ['b', 2, true]")
        .expect("-1 ['b', 2, 2, 1, 4, 4, 2, 2]")
        .push("+1 ['c', 3, true]")
        .push("-1 ['c', 3, true]")
        .expect("")
        .push("+1 ['b', 7, true]")
        .expect("+1 ['b', 1, 1, 1, 7, 7, 7, 7]");
  }

  @Test
  void countDistinctCountsEachValueOnce() {
    aggregate(List.of(G), call(AggKind.COUNT, List.of(V), true, -1, COUNT),
        call(AggKind.SUM, List.of(V), true, -1, INT))
        .push("""
            +2 ['a', 5, true]
            +1 ['a', 6, true]
            +1 ['a', null, true]
            """)
        .expect("+1 ['a', 2, 11]")
        .push("-1 ['a', 5, true]")
        .expect("")
        .push("-1 ['a', 5, true]")
        .expect("""
            -1 ['a', 2, 11]
            +1 ['a', 1, 6]
            """);
  }

  @Test
  void globalAggregateEmitsOneRowAtTheFirstBarrierOverEmptyInput() {
    OperatorHarness h = aggregate(List.of(), call(AggKind.COUNT, COUNT), call(AggKind.SUM, INT),
        call(AggKind.SUM0, INT.withNullable(false)), call(AggKind.MIN, INT));
    h.expect("+1 [0, null, 0, null]")
        .expect("")
        .push("+1 ['a', 2, true]")
        .expect("""
            -1 [0, null, 0, null]
            +1 [1, 2, 2, 2]
            """)
        .push("-1 ['a', 2, true]")
        .expect("""
            -1 [1, 2, 2, 2]
            +1 [0, null, 0, null]
            """);
  }

  @Test
  void globalAggregateWithInputBeforeTheFirstBarrierEmitsOnlyItsResult() {
    aggregate(List.of(), call(AggKind.COUNT, COUNT))
        .push("+3 ['a', 2, true]")
        .expect("+1 [3]");
  }

  /** {@code COUNT(*) FILTER (WHERE f), SUM(v) FILTER (WHERE f), MAX(v) FILTER (WHERE f)}. */
  @Test
  void filterArgumentsCountOnlyRowsWhereTheFilterIsTrue() {
    aggregate(List.of(G), call(AggKind.COUNT, List.of(), false, F, COUNT),
        call(AggKind.SUM, List.of(V), false, F, INT), call(AggKind.MAX, List.of(V), false, F, INT),
        call(AggKind.COUNT, COUNT))
        .push("""
            +1 ['a', 1, true]
            +1 ['a', 10, false]
            +1 ['a', 100, null]
            +1 ['b', 5, false]
            """)
        .expect("""
            +1 ['a', 1, 1, 1, 3]
            +1 ['b', 0, null, null, 1]
            """)
        .push("-1 ['a', 10, false]")
        .expect("""
            -1 ['a', 1, 1, 1, 3]
            +1 ['a', 1, 1, 1, 2]
            """);
  }

  @Test
  void sumOfDecimalsHasTheResultTypesScale() {
    DataType money = DataType.decimal(10, 2);
    DataType total = DataType.decimal(19, 2);
    aggregate(type("g, d", TEXT, money), List.of(),
        call(AggKind.SUM, List.of(1), false, -1, total),
        call(AggKind.SUM0, List.of(1), false, -1, total.withNullable(false)))
        .expect("+1 [null, 0.00]")
        .push("+1 ['a', 1.25]\n+1 ['a', 2.75]")
        .expect("-1 [null, 0.00]\n+1 [4.00, 4.00]")
        .push("-1 ['a', 1.25]\n-1 ['a', 2.75]")
        .expect("-1 [4.00, 4.00]\n+1 [null, 0.00]");
  }

  /**
   * A DOUBLE sum is kept exactly, so values that leave do not leave rounding behind: a running
   * double sum of 1e16 + 1 - 1e16 gives 0, the sum computed afresh gives 1. Infinities and NaN
   * come and go as counts.
   */
  @Test
  void sumOfDoublesDoesNotDriftAsValuesComeAndGo() {
    DataType dbl = DataType.of(io.sluice.common.types.TypeKind.DOUBLE);
    aggregate(type("g, x", TEXT, dbl), List.of(0), call(AggKind.SUM, List.of(1), false, -1, dbl))
        .push("+1 ['a', 1e16]\n+1 ['a', 1.0]\n+1 ['a', 0.1]")
        .expect("+1 ['a', 1.0000000000000002E16]")
        .push("-1 ['a', 1e16]")
        .expect("-1 ['a', 1.0000000000000002E16]\n+1 ['a', 1.1]")
        .push("+1 ['a', Infinity]")
        .expect("-1 ['a', 1.1]\n+1 ['a', Infinity]")
        .push("+1 ['a', -Infinity]")
        .expect("-1 ['a', Infinity]\n+1 ['a', NaN]")
        .push("-1 ['a', Infinity]\n-1 ['a', -Infinity]\n+1 ['a', 0.2]")
        .expect("-1 ['a', NaN]\n+1 ['a', 1.3]");
  }

  @Test
  void sumOutOfRangeOfItsTypeFails() {
    OperatorHarness h = aggregate(List.of(G), call(AggKind.SUM, INT))
        .push("+1 ['a', 2147483647, true]\n+1 ['a', 1, true]");
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        assertThrows(SluiceException.class, h::barrier).sqlState());
  }

  @Test
  void singleValueTakesTheOneRowAndFailsOnTwo() {
    OperatorHarness h = aggregate(List.of(G), call(AggKind.SINGLE_VALUE, INT))
        .push("+1 ['a', 1, true]")
        .push("+1 ['b', null, true]")
        .expect("""
            +1 ['a', 1]
            +1 ['b', null]
            """)
        .push("+1 ['a', 2, true]");
    SluiceException e = assertThrows(SluiceException.class, h::barrier);
    assertEquals(SqlState.CARDINALITY_VIOLATION, e.sqlState());
  }

  @Test
  void singleValueFailsOnTwoEqualRows() {
    OperatorHarness h = aggregate(List.of(G), call(AggKind.SINGLE_VALUE, INT))
        .push("+2 ['a', 1, true]");
    assertEquals(SqlState.CARDINALITY_VIOLATION,
        assertThrows(SluiceException.class, h::barrier).sqlState());
  }

  @Test
  void literalMarksThatAGroupExists() {
    AggCall literal = new AggCall(AggKind.LITERAL, List.of(), false, -1, true,
        BOOL.withNullable(false), "present");
    aggregate(List.of(G), literal)
        .push("+2 ['a', 1, true]")
        .expect("+1 ['a', true]")
        .push("-1 ['a', 1, true]")
        .expect("")
        .push("-1 ['a', 1, true]")
        .expect("-1 ['a', true]");
  }

  /** The group 'a' must not see the values of the group 'a' || CHR(0). */
  @Test
  void minAndMaxOfAGroupIgnoreOtherGroups() {
    aggregate(List.of(G), call(AggKind.MIN, INT), call(AggKind.MAX, INT))
        .push("+1 ['a\u0000', 1, true]")
        .push("+1 ['a\u0000', 9, true]")
        .push("+1 ['a', 5, true]")
        .expect("""
            +1 ['a\u0000', 1, 9]
            +1 ['a', 5, 5]
            """);
  }
}
