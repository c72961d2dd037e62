package io.sluice.storage.state;

/** A cursor over state table entries: {@code while (c.next()) use(c.key(), c.value());}. */
public interface StateCursor extends AutoCloseable {
  /** Moves to the next entry; false at the end. */
  boolean next();

  /** The current key. Do not change it. */
  Object[] key();

  /** The current value. Do not change it. */
  Object[] value();

  @Override
  void close();
}
