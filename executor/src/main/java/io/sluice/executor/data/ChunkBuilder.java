package io.sluice.executor.data;

import java.util.Arrays;

/** Accumulates changes into chunks. Not thread-safe. */
public final class ChunkBuilder {
  private static final int INITIAL_CAPACITY = 16;

  private Object[][] rows;
  private long[] weights;
  private int size;

  public ChunkBuilder() {
    this(INITIAL_CAPACITY);
  }

  public ChunkBuilder(int capacity) {
    rows = new Object[Math.max(capacity, 1)][];
    weights = new long[Math.max(capacity, 1)];
  }

  /** Adds a change; a zero weight is dropped. */
  public ChunkBuilder add(Object[] row, long weight) {
    if (weight == 0) {
      return this;
    }
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
    }
    rows[size] = row;
    weights[size] = weight;
    size++;
    return this;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The chunk of everything added since the last build; the builder starts empty again. */
  public Chunk build() {
    if (size == 0) {
      return Chunk.EMPTY;
    }
    Chunk c = new Chunk(rows, weights, size);
    // Small again: long-lived builders (one per exchange partition, per view) would otherwise
    // each keep the capacity of the largest chunk they ever built. Doubling back is cheap.
    rows = new Object[INITIAL_CAPACITY][];
    weights = new long[INITIAL_CAPACITY];
    size = 0;
    return c;
  }
}
