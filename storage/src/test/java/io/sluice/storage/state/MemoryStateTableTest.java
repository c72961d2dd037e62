package io.sluice.storage.state;

/** {@link MemoryStateBackend} keeps the {@link StateTableContract}. */
class MemoryStateTableTest extends StateTableContract {
  @Override
  protected StateBackend newBackend() {
    return new MemoryStateBackend();
  }
}
