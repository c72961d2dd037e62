package io.sluice.storage.state;

/**
 * State kept on the heap, for short-lived dataflows (ad-hoc queries) and tests. Nothing is
 * durable; closing the backend drops everything.
 */
public final class MemoryStateBackend implements StateBackend {
  @Override
  public StateTable open(StateTableSpec spec) {
    return new MemoryStateTable(spec);
  }

  @Override
  public void close() {}
}
