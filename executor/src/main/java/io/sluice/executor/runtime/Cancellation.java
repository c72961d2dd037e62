package io.sluice.executor.runtime;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;

/** The error a cancelled statement ends with. */
final class Cancellation {
  private Cancellation() {}

  static SluiceException cancelled() {
    return new SluiceException(SqlState.QUERY_CANCELED, "the statement was cancelled");
  }
}
