package io.sluice.executor.operator;

/**
 * The end of an epoch on a stream: every change before it belongs to epoch {@code epoch} or an
 * earlier one.
 *
 * @param epoch the epoch that ends
 * @param isFinal whether the input ends here (an ad-hoc query's snapshot is fully read)
 */
public record Barrier(long epoch, boolean isFinal) {}
