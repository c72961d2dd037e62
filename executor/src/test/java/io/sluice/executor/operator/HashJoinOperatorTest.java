package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.BIGINT;
import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.TEXT;
import static io.sluice.executor.operator.Plans.input;
import static io.sluice.executor.operator.Plans.type;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import io.sluice.common.types.TypeKind;
import io.sluice.plan.expr.JoinCondition;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HashJoinOperator} as change scripts for every join kind: inserts and deletes on both
 * sides interleaved, rows with several copies, NULL keys with and without {@code IS NOT
 * DISTINCT FROM}, keys of different types, and a residual condition. Input 0 is the left side
 * {@code (k, a)}, input 1 the right side {@code (k, b)}.
 */
class HashJoinOperatorTest {
  private static final int L = 0;
  private static final int R = 1;
  private static final RowType LEFT = type("k, a", INT, TEXT);
  private static final RowType RIGHT = type("k, b", INT, TEXT);

  private static OperatorHarness join(JoinKind kind, boolean nullSafe, JoinCondition residual) {
    return join(kind, RIGHT, INT, nullSafe, residual);
  }

  private static OperatorHarness join(JoinKind kind, RowType right, DataType keyType,
      boolean nullSafe, JoinCondition residual) {
    JoinNode node = new JoinNode(input(LEFT), input(right), kind, List.of(0), List.of(0),
        List.of(keyType), List.of(nullSafe),
        residual == null ? null : Plans.handWritten(JoinCondition.class, "residual"),
        kind.projectsRight() ? LEFT.concat(right) : LEFT);
    return OperatorHarness.open(node, new HashJoinOperator(kind, new int[] {0}, new int[] {0},
        new TypeKind[] {keyType.kind()}, new boolean[] {nullSafe}, residual, 2, 2));
  }

  /** The same five epochs of changes for every kind; each test states its kind's output. */
  private static void runScript(OperatorHarness h, String... expected) {
    h.push(L, "+1 [1, 'a']").push(L, "+1 [2, 'b']").push(R, "+1 [1, 'x']").expect(expected[0]);
    h.push(R, "+1 [1, 'y']").push(R, "+1 [3, 'z']").expect(expected[1]);
    h.push(L, "-1 [1, 'a']").expect(expected[2]);
    h.push(R, "-1 [1, 'x']").push(R, "-1 [1, 'y']").push(L, "+1 [1, 'c']").expect(expected[3]);
    h.push(R, "+1 [1, 'x']").push(L, "-1 [2, 'b']").push(R, "-1 [3, 'z']").expect(expected[4]);
  }

  @Test
  void inner() {
    runScript(join(JoinKind.INNER, false, null),
        "+1 [1, 'a', 1, 'x']",
        "+1 [1, 'a', 1, 'y']",
        """
        -1 [1, 'a', 1, 'x']
        -1 [1, 'a', 1, 'y']
        """,
        "",
        "+1 [1, 'c', 1, 'x']");
  }

  @Test
  void left() {
    runScript(join(JoinKind.LEFT, false, null),
        """
        +1 [1, 'a', 1, 'x']
        +1 [2, 'b', null, null]
        """,
        "+1 [1, 'a', 1, 'y']",
        """
        -1 [1, 'a', 1, 'x']
        -1 [1, 'a', 1, 'y']
        """,
        "+1 [1, 'c', null, null]",
        """
        -1 [1, 'c', null, null]
        +1 [1, 'c', 1, 'x']
        -1 [2, 'b', null, null]
        """);
  }

  @Test
  void right() {
    runScript(join(JoinKind.RIGHT, false, null),
        "+1 [1, 'a', 1, 'x']",
        """
        +1 [1, 'a', 1, 'y']
        +1 [null, null, 3, 'z']
        """,
        """
        -1 [1, 'a', 1, 'x']
        -1 [1, 'a', 1, 'y']
        +1 [null, null, 1, 'x']
        +1 [null, null, 1, 'y']
        """,
        """
        -1 [null, null, 1, 'x']
        -1 [null, null, 1, 'y']
        """,
        """
        +1 [1, 'c', 1, 'x']
        -1 [null, null, 3, 'z']
        """);
  }

  @Test
  void full() {
    runScript(join(JoinKind.FULL, false, null),
        """
        +1 [1, 'a', 1, 'x']
        +1 [2, 'b', null, null]
        """,
        """
        +1 [1, 'a', 1, 'y']
        +1 [null, null, 3, 'z']
        """,
        """
        -1 [1, 'a', 1, 'x']
        -1 [1, 'a', 1, 'y']
        +1 [null, null, 1, 'x']
        +1 [null, null, 1, 'y']
        """,
        """
        -1 [null, null, 1, 'x']
        -1 [null, null, 1, 'y']
        +1 [1, 'c', null, null]
        """,
        """
        -1 [1, 'c', null, null]
        +1 [1, 'c', 1, 'x']
        -1 [2, 'b', null, null]
        -1 [null, null, 3, 'z']
        """);
  }

  @Test
  void semi() {
    runScript(join(JoinKind.SEMI, false, null),
        "+1 [1, 'a']",
        "",
        "-1 [1, 'a']",
        "",
        "+1 [1, 'c']");
  }

  @Test
  void anti() {
    runScript(join(JoinKind.ANTI, false, null),
        "+1 [2, 'b']",
        "",
        "",
        "+1 [1, 'c']",
        """
        -1 [1, 'c']
        -1 [2, 'b']
        """);
  }

  @Test
  void rowsWithSeveralCopiesMultiply() {
    join(JoinKind.LEFT, false, null)
        .push(L, "+2 [1, 'a']")
        .expect("+2 [1, 'a', null, null]")
        .push(R, "+3 [1, 'x']")
        .expect("""
            -2 [1, 'a', null, null]
            +6 [1, 'a', 1, 'x']
            """)
        .push(R, "-1 [1, 'x']")
        .push(L, "-1 [1, 'a']")
        .expect("-4 [1, 'a', 1, 'x']")
        .push(R, "-2 [1, 'x']")
        .expect("""
            -2 [1, 'a', 1, 'x']
            +1 [1, 'a', null, null]
            """);
  }

  @Test
  void nullKeysNeverMatchUnlessNullSafe() {
    String[] expected = {
        "INNER", "",
        "LEFT", "+1 [null, 'n', null, null]",
        "RIGHT", "+1 [null, null, null, 'm']",
        "FULL", "+1 [null, 'n', null, null]\n+1 [null, null, null, 'm']",
        "SEMI", "",
        "ANTI", "+1 [null, 'n']"};
    for (int i = 0; i < expected.length; i += 2) {
      OperatorHarness h = join(JoinKind.valueOf(expected[i]), false, null);
      h.push(L, "+1 [null, 'n']").push(R, "+1 [null, 'm']").expect(expected[i + 1]);
      h.push(R, "-1 [null, 'm']").push(L, "-1 [null, 'n']")
          .expect(expected[i + 1].replace("+1", "-1"));
    }
  }

  @Test
  void nullSafeKeysMatchNullWithNull() {
    join(JoinKind.INNER, true, null)
        .push(L, "+1 [null, 'n']")
        .push(R, "+1 [null, 'm']")
        .push(R, "+1 [1, 'one']")
        .expect("+1 [null, 'n', null, 'm']");
    join(JoinKind.FULL, true, null)
        .push(L, "+1 [null, 'n']")
        .expect("+1 [null, 'n', null, null]")
        .push(R, "+1 [null, 'm']")
        .expect("""
            -1 [null, 'n', null, null]
            +1 [null, 'n', null, 'm']
            """)
        .push(L, "-1 [null, 'n']")
        .expect("""
            -1 [null, 'n', null, 'm']
            +1 [null, null, null, 'm']
            """);
    join(JoinKind.ANTI, true, null)
        .push(R, "+1 [null, 'm']")
        .push(L, "+1 [null, 'n']")
        .push(L, "+1 [2, 'b']")
        .expect("+1 [2, 'b']");
  }

  @Test
  void keysOfDifferentTypesMatchInTheirCommonType() {
    join(JoinKind.INNER, type("k, b", BIGINT, TEXT), BIGINT, false, null)
        .push(L, "+1 [7, 'a']")
        .push(R, "+1 [7, 'x']")
        .expect("+1 [7, 'a', 7, 'x']");
  }

  /** {@code LEFT JOIN ... ON l.k = r.k AND l.a < r.b}: a key match failing the rest is no match. */
  @Test
  void residualConditionDecidesWhatMatches() {
    JoinCondition aBeforeB = (context, l, r) -> ((String) l[1]).compareTo((String) r[1]) < 0;
    join(JoinKind.LEFT, false, aBeforeB)
        .push(L, "+1 [1, 'm']")
        .push(R, "+1 [1, 'a']")
        .expect("+1 [1, 'm', null, null]")
        .push(R, "+1 [1, 'z']")
        .expect("""
            -1 [1, 'm', null, null]
            +1 [1, 'm', 1, 'z']
            """)
        .push(R, "-1 [1, 'z']")
        .expect("""
            -1 [1, 'm', 1, 'z']
            +1 [1, 'm', null, null]
            """);
  }

  /** 'a' = 'a' || CHR(0) is false in SQL, so these rows must not join. */
  @Test
  void stringKeysMatchOnlyEqualStrings() {
    JoinNode node = new JoinNode(input(type("s, a", TEXT, TEXT)), input(type("s, b", TEXT, TEXT)),
        JoinKind.INNER, List.of(0), List.of(0), List.of(TEXT), List.of(false), null,
        type("s, a, s2, b", TEXT, TEXT, TEXT, TEXT));
    OperatorHarness.open(node, new HashJoinOperator(JoinKind.INNER, new int[] {0},
            new int[] {0}, new TypeKind[] {TypeKind.VARCHAR}, new boolean[] {false}, null, 2, 2))
        .push(R, "+1 ['a\u0000', 'right']")
        .push(R, "+1 ['ab', 'right']")
        .push(L, "+1 ['a', 'left']")
        .expect("");
  }
}
