package io.sluice.executor.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.common.types.RowType;
import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.StateTableDecl;
import io.sluice.storage.codec.KeyCodec;
import io.sluice.storage.state.MemoryStateBackend;
import io.sluice.storage.state.StateBackend;
import io.sluice.storage.state.StateTable;
import io.sluice.storage.state.StateTableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one operator alone: opens the state tables its plan node declares in a {@link
 * MemoryStateBackend} (as the runtime's DataflowBuilder does), feeds it change scripts on its
 * inputs, sends barriers, and collects what it emits per epoch as consolidated {@link Changes}.
 *
 * <p>It also checks the operator's side of the chunk contract: every emitted row has the plan
 * node's width, and input chunks are not changed.
 */
final class OperatorHarness implements OperatorContext {
  /** The data context the harness hands the operator. */
  static final Object DATA_CONTEXT = "test data context";

  private final Operator operator;
  private final List<RowType> inputTypes;
  private final RowType outputType;
  private final StateBackend backend = new MemoryStateBackend();
  private final Map<String, StateTable> tables = new HashMap<>();
  private final Output output = this::emitted;
  private Changes epochOutput = new Changes();
  private long epoch;

  private OperatorHarness(PlanNode node, Operator operator) {
    this.operator = operator;
    this.inputTypes = node.inputs().stream().map(PlanNode::rowType).toList();
    this.outputType = node.rowType();
    long id = 1;
    for (StateTableDecl d : node.stateTables()) {
      List<KeyCodec.Column> key = new ArrayList<>();
      for (StateTableDecl.KeyColumn k : d.keyColumns()) {
        key.add(new KeyCodec.Column(k.type(), k.descending(), k.nullsLast()));
      }
      tables.put(d.name(), backend.open(new StateTableSpec(id++,
          node.getClass().getSimpleName() + "." + d.name(), key, d.valueTypes())));
    }
  }

  /** Opens {@code operator} as the runtime would for {@code node}. */
  static OperatorHarness open(PlanNode node, Operator operator) {
    OperatorHarness h = new OperatorHarness(node, operator);
    operator.open(h);
    return h;
  }

  RowType outputType() {
    return outputType;
  }

  /** Feeds a change script to input 0. */
  OperatorHarness push(String script) {
    return push(0, script);
  }

  /** Feeds a change script to an input, as one chunk. */
  OperatorHarness push(int input, String script) {
    return push(input, ChangeScript.parse(inputTypes.get(input), script));
  }

  /** Feeds changes to an input, as one chunk. */
  OperatorHarness push(int input, List<ChangeScript.Change> changes) {
    ChunkBuilder b = new ChunkBuilder();
    List<Object[]> copies = new ArrayList<>();
    for (ChangeScript.Change c : changes) {
      b.add(c.row(), c.weight());
      copies.add(c.row().clone());
    }
    Chunk chunk = b.build();
    operator.onChunk(input, chunk);
    for (int i = 0; i < chunk.size(); i++) {
      assertArrayEquals(copies.get(i), chunk.row(i), "the operator changed an input row");
    }
    return this;
  }

  /** Ends the epoch and returns what the operator emitted during it. */
  Changes barrier() {
    operator.onBarrier(new Barrier(++epoch, false));
    Changes out = epochOutput;
    epochOutput = new Changes();
    return out;
  }

  /** Ends the epoch and checks its output against a change script. */
  OperatorHarness expect(String script) {
    assertEquals(Changes.parse(outputType, script), barrier(), "output of epoch " + (epoch));
    return this;
  }

  private void emitted(Chunk chunk) {
    for (int i = 0; i < chunk.size(); i++) {
      assertEquals(outputType.size(), chunk.row(i).length, "width of an emitted row");
      epochOutput.add(chunk.row(i), chunk.weight(i));
    }
  }

  @Override
  public Output output() {
    return output;
  }

  @Override
  public StateTable stateTable(String name) {
    StateTable t = tables.get(name);
    if (t == null) {
      throw new IllegalStateException("the plan node declares no state table " + name);
    }
    return t;
  }

  @Override
  public Object dataContext() {
    return DATA_CONTEXT;
  }
}
