package io.sluice.storage.state;

/** Where operators' state tables live. */
public interface StateBackend extends AutoCloseable {
  /** Opens (or creates) the state table a spec declares. */
  StateTable open(StateTableSpec spec);

  @Override
  void close();
}
