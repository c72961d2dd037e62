package io.sluice.server;

import io.sluice.common.types.RowType;
import java.util.List;

/** What a statement returns. */
public sealed interface StatementResult {
  /**
   * Rows, in internal representation.
   *
   * @param columns the result columns
   * @param rows the rows
   */
  record Rows(RowType columns, List<Object[]> rows) implements StatementResult {}

  /**
   * A count of affected rows (0 for DDL and settings).
   *
   * @param count rows inserted, updated or deleted
   */
  record Count(long count) implements StatementResult {}

  /**
   * A continuous result ({@code SELECT STREAM}): rows arrive as epochs commit, until the
   * client ends it.
   *
   * @param columns the result columns (op, epoch, epoch_end, then the query's)
   * @param stream the running stream
   */
  record Stream(RowType columns, io.sluice.server.streams.ContinuousSelect stream)
      implements StatementResult {}
}
