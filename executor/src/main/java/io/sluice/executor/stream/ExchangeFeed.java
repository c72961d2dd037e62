package io.sluice.executor.stream;

import io.sluice.executor.data.Chunk;

/** The receiving end of an exchange in one partition: what every sender routed here. */
final class ExchangeFeed extends Feed {
  private final ExchangeBuffers buffers;
  private final int partition;

  ExchangeFeed(ExchangeBuffers buffers, int partition) {
    this.buffers = buffers;
    this.partition = partition;
  }

  @Override
  void emitEpoch() {
    for (Chunk c : buffers.take(partition)) {
      vertex().emit(c);
    }
  }
}
