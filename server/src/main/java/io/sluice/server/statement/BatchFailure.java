package io.sluice.server.statement;

import io.sluice.common.error.SluiceException;

/** A batch command failed after {@link #applied()} earlier commands of the batch took effect. */
public final class BatchFailure extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final int applied;

  public BatchFailure(int applied, SluiceException cause) {
    super(cause.sqlState(), "command " + (applied + 1) + " of the batch failed ("
        + applied + " before it took effect): " + cause.getMessage(), cause);
    this.applied = applied;
  }

  /** How many commands of the batch took effect before the failure. */
  public int applied() {
    return applied;
  }
}
