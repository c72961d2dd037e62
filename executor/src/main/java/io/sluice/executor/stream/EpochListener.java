package io.sluice.executor.stream;

import java.util.List;

/** Told about every epoch the coordinator commits and every dataflow that fails. */
public interface EpochListener {
  /** Epoch {@code epoch} is committed with these reports (views that took part). */
  void committed(long epoch, List<EpochReport> reports);

  /** A dataflow failed while processing an epoch; it takes no further part. */
  void failed(StreamingDataflow dataflow, String reason);
}
