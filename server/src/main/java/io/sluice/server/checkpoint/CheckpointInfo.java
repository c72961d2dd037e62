package io.sluice.server.checkpoint;

/**
 * What is known about one checkpoint.
 *
 * @param id its number, increasing
 * @param epoch the epoch it was cut at: it holds every change committed by that epoch
 * @param startedMillis when it began (milliseconds since 1970, UTC)
 * @param durationMillis how long it took
 * @param bytesAdded bytes of files it holds that the checkpoint before it did not
 * @param totalBytes bytes of all its files
 * @param trigger {@code manual} (the CHECKPOINT statement) or {@code periodic}
 * @param error why it failed, or null for a completed checkpoint
 */
public record CheckpointInfo(long id, long epoch, long startedMillis, long durationMillis,
    long bytesAdded, long totalBytes, String trigger, String error) {

  /** Whether the checkpoint completed and is retained. */
  public boolean completed() {
    return error == null;
  }

  /** {@code completed} or {@code failed}. */
  public String status() {
    return completed() ? "completed" : "failed";
  }
}
