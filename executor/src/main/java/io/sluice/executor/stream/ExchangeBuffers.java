package io.sluice.executor.stream;

import io.sluice.executor.data.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows crossing one exchange during an epoch: one list of chunks per (sending partition,
 * receiving partition). Each sender writes only its own row of lists and each receiver reads
 * only its own column, after every sender has finished the epoch (the dataflow runs the parts
 * of a plan one after the other), so no lock is needed. A receiver reads the senders in
 * partition order; a sender keeps the order of its input, so the changes of one key arrive in
 * the order they were made.
 */
final class ExchangeBuffers {
  private final List<List<List<Chunk>>> chunks;
  private final int partitions;

  ExchangeBuffers(int partitions) {
    this.partitions = partitions;
    this.chunks = new ArrayList<>(partitions);
    for (int s = 0; s < partitions; s++) {
      List<List<Chunk>> row = new ArrayList<>(partitions);
      for (int r = 0; r < partitions; r++) {
        row.add(new ArrayList<>());
      }
      chunks.add(row);
    }
  }

  void add(int sender, int receiver, Chunk chunk) {
    chunks.get(sender).get(receiver).add(chunk);
  }

  /** Takes what every sender sent to {@code receiver}, in sender order, and forgets it. */
  List<Chunk> take(int receiver) {
    List<Chunk> out = new ArrayList<>();
    for (int s = 0; s < partitions; s++) {
      List<Chunk> sent = chunks.get(s).get(receiver);
      out.addAll(sent);
      sent.clear();
    }
    return out;
  }

  /** Drops everything not yet taken (after a failed epoch). */
  void clear() {
    for (List<List<Chunk>> row : chunks) {
      for (List<Chunk> l : row) {
        l.clear();
      }
    }
  }
}
