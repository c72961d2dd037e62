package io.sluice.storage.state;

/** A state table that forwards every call and runs a hook after each write. */
abstract class ForwardingTable implements StateTable {
  private final StateTable delegate;

  ForwardingTable(StateTable delegate) {
    this.delegate = delegate;
  }

  abstract void afterWrite();

  @Override
  public StateTableSpec spec() {
    return delegate.spec();
  }

  @Override
  public Object[] get(Object[] key) {
    return delegate.get(key);
  }

  @Override
  public void put(Object[] key, Object[] value) {
    delegate.put(key, value);
    afterWrite();
  }

  @Override
  public void delete(Object[] key) {
    delegate.delete(key);
    afterWrite();
  }

  @Override
  public StateCursor scan(Object[] prefix, int prefixLength) {
    return delegate.scan(prefix, prefixLength);
  }

  @Override
  public StateCursor scanDescending(Object[] prefix, int prefixLength) {
    return delegate.scanDescending(prefix, prefixLength);
  }

  @Override
  public void clear() {
    delegate.clear();
    afterWrite();
  }

  @Override
  public long estimatedSize() {
    return delegate.estimatedSize();
  }
}
