package io.sluice.executor.stream;

import io.sluice.executor.data.Chunk;
import io.sluice.executor.data.ChunkBuilder;
import io.sluice.executor.operator.Barrier;
import io.sluice.executor.operator.Operator;
import io.sluice.executor.operator.OperatorContext;

/** The sending end of an exchange in one partition: routes each row to its partition. */
final class ExchangeSender implements Operator {
  private static final int CHUNK_ROWS = 1024;

  private final ExchangeBuffers buffers;
  private final Partitioner partitioner;
  private final int sender;
  private final ChunkBuilder[] pending;

  ExchangeSender(ExchangeBuffers buffers, Partitioner partitioner, int sender) {
    this.buffers = buffers;
    this.partitioner = partitioner;
    this.sender = sender;
    this.pending = new ChunkBuilder[partitioner.partitions()];
  }

  @Override
  public void open(OperatorContext context) {
    for (int i = 0; i < pending.length; i++) {
      // Small at first: a thousand idle views must not hold a full chunk per partition each.
      pending[i] = new ChunkBuilder();
    }
  }

  @Override
  public void onChunk(int input, Chunk chunk) {
    if (pending.length == 1) {
      buffers.add(sender, 0, chunk);
      return;
    }
    for (int i = 0; i < chunk.size(); i++) {
      Object[] row = chunk.row(i);
      int p = partitioner.partition(row);
      ChunkBuilder b = pending[p];
      b.add(row, chunk.weight(i));
      if (b.size() >= CHUNK_ROWS) {
        buffers.add(sender, p, b.build());
      }
    }
  }

  @Override
  public void onBarrier(Barrier barrier) {
    for (int p = 0; p < pending.length; p++) {
      if (!pending[p].isEmpty()) {
        buffers.add(sender, p, pending[p].build());
      }
    }
  }
}
