package io.sluice.storage.kv;

import io.sluice.common.error.SluiceException;
import io.sluice.common.error.SqlState;

/** A failure of the storage layer (I/O, corruption, a closed store). */
public final class StorageException extends SluiceException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(SqlState.IO_ERROR, message, cause);
  }

  public StorageException(String message) {
    super(SqlState.IO_ERROR, message);
  }
}
