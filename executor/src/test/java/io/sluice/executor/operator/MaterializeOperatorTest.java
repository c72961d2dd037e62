package io.sluice.executor.operator;

import static io.sluice.executor.operator.Plans.INT;
import static io.sluice.executor.operator.Plans.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.common.error.SluiceException;
import io.sluice.common.types.RowType;
import io.sluice.executor.data.ChunkBuilder;
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

    final ViewContents layout;

    Sink(ViewContents layout) {
      this.layout = layout;
      StateTableDecl decl = layout.decl();
      List<KeyCodec.Column> key = new ArrayList<>();
      for (StateTableDecl.KeyColumn k : decl.keyColumns()) {
        key.add(new KeyCodec.Column(k.type(), k.descending(), k.nullsLast()));
      }
      table = new MemoryStateBackend().open(new StateTableSpec(1, "contents", key,
          decl.valueTypes()));
      operator = new MaterializeOperator("contents", layout);
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

    /** The stored rows as "[id, v]" to count, read back through the layout. */
    Map<String, Long> contents() {
      Map<String, Long> out = new TreeMap<>();
      try (StateCursor c = table.scan(new Object[0], 0)) {
        while (c.next()) {
          out.put(java.util.Arrays.toString(layout.row(c.key(), c.value())),
              layout.count(c.value()));
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

  private static Sink keyed() {
    return new Sink(ViewContents.of(ROW, List.of(0)));
  }

  private static Sink counted() {
    return new Sink(ViewContents.counted(ROW));
  }

  @Test
  void keyedRowsSurviveAnInsertThatArrivesBeforeTheDeleteOfTheSameRow() {
    Sink s = keyed().push("+1 [1, 10]\n+1 [2, 20]").barrier();
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
  void keyedRowsTakeTheirNewVersionWhicheverHalfOfAnUpdateComesFirst() {
    Sink s = keyed().push("+1 [1, 10]\n+1 [2, 20]").barrier();
    // Key 1: new version first; key 2: old version retracted first.
    s.push("+1 [1, 11]\n-1 [2, 20]").push("-1 [1, 10]\n+1 [2, 21]").barrier();
    assertEquals(Map.of("[1, 11]", 1L, "[2, 21]", 1L), s.contents());
    // Two updates of one key in one epoch: only the last version is written.
    s.push("-1 [1, 11]\n+1 [1, 12]").push("-1 [1, 12]\n+1 [1, 13]").barrier();
    assertEquals(Map.of("[1, 13]", 1L, "[2, 21]", 1L), s.contents());
    // A key that goes away, and one that comes back in the same epoch it went.
    s.push("-1 [2, 21]\n-1 [1, 13]\n+1 [1, null]").barrier();
    assertEquals(Map.of("[1, null]", 1L), s.contents());
    assertEquals(1, s.table.estimatedSize(), "one entry per key");
  }

  @Test
  void aKeyedRowWhoseOnlyChangeIsADecimalsScaleIsRewritten() {
    RowType dec = type("id, d", INT, io.sluice.common.types.DataType.decimal(10, 2));
    Sink s = new Sink(ViewContents.of(dec, List.of(0)));
    ChunkBuilder b = new ChunkBuilder();
    b.add(new Object[] {1, new java.math.BigDecimal("1.0")}, 1);
    s.operator.onChunk(0, b.build());
    s.barrier();
    b = new ChunkBuilder();
    b.add(new Object[] {1, new java.math.BigDecimal("1.00")}, 1);
    b.add(new Object[] {1, new java.math.BigDecimal("1.0")}, -1);
    s.operator.onChunk(0, b.build());
    s.barrier();
    assertEquals(Map.of("[1, 1.00]", 1L), s.contents());
  }

  @Test
  void aViewKeyedOnEveryColumnStoresKeysOnly() {
    Sink s = new Sink(ViewContents.of(ROW, List.of(1, 0)));
    s.push("+1 [1, 10]\n+1 [2, 20]").barrier().push("-1 [1, 10]").barrier();
    assertEquals(Map.of("[2, 20]", 1L), s.contents());
    assertEquals(0, s.layout.decl().valueTypes().size());
  }

  @Test
  void duplicateRowsAreCountedAndRemovedAtZero() {
    Sink s = counted().push("+2 [1, 10]\n+1 [1, 10]\n+1 [2, null]").barrier();
    assertEquals(Map.of("[1, 10]", 3L, "[2, null]", 1L), s.contents());
    s.push("-1 [1, 10]\n-1 [2, null]").push("+1 [2, null]\n-1 [2, null]").barrier();
    assertEquals(Map.of("[1, 10]", 2L), s.contents());
    s.push("-2 [1, 10]").barrier();
    assertEquals(Map.of(), s.contents());
    assertEquals(0, s.operator.takeRowDelta(), "rows in the view, counting copies");
  }

  @Test
  void countsThatContradictTheViewAreRefused() {
    // Two copies of a keyed row, and two versions of one key both inserted.
    assertThrows(SluiceException.class, keyed().push("+2 [1, 10]")::barrier);
    assertThrows(SluiceException.class, keyed().push("+1 [1, 10]\n+1 [1, 11]")::barrier);
    Sink counted = counted().push("-1 [1, 10]");
    assertThrows(SluiceException.class, counted::barrier);
  }
}
