package io.sluice.storage.table;

import io.sluice.storage.codec.RowCodec;
import io.sluice.storage.kv.KvIterator;

/**
 * A forward cursor over stored rows: {@code while (c.next()) use(c.key(), c.row());}. Close it.
 */
public final class RowCursor implements AutoCloseable {
  private final KvIterator it;
  private final RowCodec codec;
  private boolean started;

  RowCursor(KvIterator it, RowCodec codec) {
    this.it = it;
    this.codec = codec;
  }

  /** Moves to the next row; false at the end. */
  public boolean next() {
    if (!started) {
      started = true;
      it.seekToFirst();
    } else {
      it.next();
    }
    boolean valid = it.valid();
    if (!valid) {
      it.checkStatus();
    }
    return valid;
  }

  /** The current row's storage key. */
  public byte[] key() {
    return it.key();
  }

  /** The current row, decoded. */
  public Object[] row() {
    return codec.decode(it.value());
  }

  @Override
  public void close() {
    it.close();
  }
}
