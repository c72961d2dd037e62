package io.sluice.executor.operator;

import io.sluice.storage.state.StateTable;

/** What the runtime gives an operator: its output, its state tables and the query context. */
public interface OperatorContext {
  /** The downstream output. */
  Output output();

  /** The state table the plan node declared under this name. */
  StateTable stateTable(String name);

  /** The query's data context, passed to generated code. */
  Object dataContext();
}
