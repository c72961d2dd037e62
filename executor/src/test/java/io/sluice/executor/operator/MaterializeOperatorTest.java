package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.RowType;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.stream.ViewStateLayout;
import io.sluice.plan.node.StateTableDecl;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.state.MemoryStateBackend;
import io.sluice.storage.state.StateCursor;
import io.sluice.storage.state.StateTable;
import io.sluice.storage.state.StateTableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link MaterializeOperator}: a view's rows as a multiset, changed once per epoch by the net
 * change of each row, whatever order the epoch's changes came in; with rows proven distinct it
 * writes without reading, and it refuses counts that break what it was told.
 */
class MaterializeOperatorTest {
  private static final RowType ROW = type("id, v", INT, INT);

  /** The operator over an in-memory contents table, fed one chunk per script. */
  private static final class Sink implements OperatorContext {
    final StateTable table;
    final MaterializeOperator operator;

    Sink(boolean distinct) {
      StateTableDecl decl = ViewStateLayout.contentsDecl(ROW);
      List<KeyCodec.Column> key = new ArrayList<>();
      for (StateTableDecl.KeyColumn k : decl.keyColumns()) {
        key.add(new KeyCodec.Column(k.type(), k.descending(), k.nullsLast()));
      }
      table = new MemoryStateBackend().open(new StateTableSpec(1, "contents", key,
          decl.valueTypes()));
      operator = new MaterializeOperator("contents", distinct);
      operator.open(this);
    }

    Sink push(String script) {
      ChunkBuilder b = new ChunkBuilder();
      for (ChangeScript.Change c : ChangeScript.parse(ROW, script)) {
        b.add(c.row(), c.weight());
      }
      operator.onChunk(0, b.build());
      return this;
    }

    Sink barrier() {
      operator.onBarrier(new Barrier(1, false));
      return this;
    }

    /** The stored rows as "[id, v]" to count. */
    Map<String, Long> contents() {
      Map<String, Long> out = new TreeMap<>();
      try (StateCursor c = table.scan(new Object[0], 0)) {
        while (c.next()) {
          out.put(java.util.Arrays.toString(c.key()), (Long) c.value()[0]);
        }
      }
      return out;
    }

    @Override
    public Output output() {
      return chunk -> {
        throw new AssertionError("a sink emits nothing");
      };
    }

    @Override
    public StateTable stateTable(String name) {
      return table;
    }

    @Override
    public Object dataContext() {
      return null;
    }
  }

  @Test
  void distinctRowsSurviveAnInsertThatArrivesBeforeTheDeleteOfTheSameRow() {
    Sink s = new Sink(true).push("+1 [1, 10]\n+1 [2, 20]").barrier();
    assertEquals(Map.of("[1, 10]", 1L, "[2, 20]", 1L), s.contents());
    // An update that leaves the row as it was, its halves from two upstream partitions in the
    // "wrong" order: the row must stay.
    s.push("+1 [1, 10]").push("-1 [1, 10]").barrier();
    assertEquals(Map.of("[1, 10]", 1L, "[2, 20]", 1L), s.contents());
    // A row inserted and deleted within one epoch never reaches the table.
    s.push("+1 [3, 30]\n-1 [2, 20]").push("-1 [3, 30]\n+1 [4, 40]").barrier();
    assertEquals(Map.of("[1, 10]", 1L, "[4, 40]", 1L), s.contents());
    assertEquals(2, s.operator.takeRowDelta(), "rows in the view, counting copies");
  }

  @Test
  void duplicateRowsAreCountedAndRemovedAtZero() {
    Sink s = new Sink(false).push("+2 [1, 10]\n+1 [1, 10]\n+1 [2, null]").barrier();
    assertEquals(Map.of("[1, 10]", 3L, "[2, null]", 1L), s.contents());
    s.push("-1 [1, 10]\n-1 [2, null]").push("+1 [2, null]\n-1 [2, null]").barrier();
    assertEquals(Map.of("[1, 10]", 2L), s.contents());
    s.push("-2 [1, 10]").barrier();
    assertEquals(Map.of(), s.contents());
    assertEquals(0, s.operator.takeRowDelta(), "rows in the view, counting copies");
  }

  @Test
  void countsThatContradictTheViewAreRefused() {
    Sink distinct = new Sink(true).push("+2 [1, 10]");
    assertThrows(SluiceException.class, distinct::barrier);
    Sink counted = new Sink(false).push("-1 [1, 10]");
    assertThrows(SluiceException.class, counted::barrier);
  }
}
