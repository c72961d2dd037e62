package io.sluice.executor.runtime;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.operator.Barrier;
import io.sluice.executor.operator.Operator;
import io.sluice.executor.operator.OperatorContext;
import io.sluice.executor.operator.Output;
import io.sluice.storage.state.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operator instance in a dataflow: it delivers input to the operator, holds back a barrier
 * until it has arrived on every input, and fans output out to the downstream vertices.
 */
public final class Vertex implements OperatorContext {
  /** A connection to input {@code input} of {@code target}. */
  record Edge(Vertex target, int input) {}

  private final String name;
  private final Operator operator;
  private final int inputCount;
  private final Map<String, StateTable> stateTables;
  private final Object dataContext;
  private final List<Edge> downstream = new ArrayList<>();
  private final boolean[] barrierArrived;
  private int barriersArrived;
  private final Output output = this::emit;

  Vertex(String name, Operator operator, int inputCount, Map<String, StateTable> stateTables,
      Object dataContext) {
    this.name = name;
    this.operator = operator;
    this.inputCount = inputCount;
    this.stateTables = stateTables;
    this.dataContext = dataContext;
    this.barrierArrived = new boolean[inputCount];
  }

  String name() {
    return name;
  }

  /** Sends this vertex's output to input {@code input} of {@code target}. */
  public void connectTo(Vertex target, int input) {
    downstream.add(new Edge(target, input));
  }

  /** The operator in this vertex. */
  public Operator operator() {
    return operator;
  }

  /** Opens the operator. */
  public void open() {
    operator.open(this);
  }

  /** Closes the operator. */
  public void close() {
    operator.close();
  }

  void receive(int input, Chunk chunk) {
    if (barrierArrived[input]) {
      throw new IllegalStateException(name + ": data on input " + input
          + " after its barrier, before the others arrived");
    }
    if (dataContext instanceof io.sluice.executor.codegen.QueryContext q && q.isCancelled()) {
      throw Cancellation.cancelled();
    }
    operator.onChunk(input, chunk);
  }

  void receiveBarrier(int input, Barrier barrier) {
    if (barrierArrived[input]) {
      throw new IllegalStateException(name + ": two barriers on input " + input);
    }
    barrierArrived[input] = true;
    if (++barriersArrived < inputCount) {
      return;
    }
    barriersArrived = 0;
    java.util.Arrays.fill(barrierArrived, false);
    operator.onBarrier(barrier);
    for (Edge e : downstream) {
      e.target().receiveBarrier(e.input(), barrier);
    }
  }

  /** Starts a barrier at a vertex with no inputs (a source). */
  public void injectBarrier(Barrier barrier) {
    if (inputCount != 0) {
      throw new IllegalStateException(name + " has inputs; barriers arrive through them");
    }
    operator.onBarrier(barrier);
    for (Edge e : downstream) {
      e.target().receiveBarrier(e.input(), barrier);
    }
  }

  /** Sends a chunk to the downstream vertices (how a source vertex emits). */
  public void emit(Chunk chunk) {
    for (Edge e : downstream) {
      e.target().receive(e.input(), chunk);
    }
  }

  @Override
  public Output output() {
    return output;
  }

  @Override
  public StateTable stateTable(String tableName) {
    StateTable t = stateTables.get(tableName);
    if (t == null) {
      throw new IllegalStateException(name + " declared no state table '" + tableName + "'");
    }
    return t;
  }

  @Override
  public Object dataContext() {
    return dataContext;
  }
}
