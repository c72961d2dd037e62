package io.sluice.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;

/**
 * Turns what Avatica throws when the server cannot be reached into SQLExceptions with a
 * connection SQLSTATE, so callers can tell a lost server from a bad statement.
 */
final class Failures {
  private Failures() {}

  /** Whether a throwable is (or is caused by) an I/O failure talking to the server. */
  static boolean isConnectionFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException) {
        return true;
      }
      if (c instanceof AvaticaClientRuntimeException) {
        return false;
      }
    }
    return false;
  }

  static SQLException connectionFailed(String what, Throwable cause) {
    if (cause instanceof SQLException se) {
      return se;
    }
    if (isConnectionFailure(cause)) {
      return new SQLNonTransientConnectionException(what + ": " + rootMessage(cause), "08001",
          cause);
    }
    String state = cause instanceof AvaticaClientRuntimeException a ? a.getSqlState() : "08001";
    return new SQLException(what + ": " + rootMessage(cause), state, cause);
  }

  /** The SQLException for a failure while using an open connection. */
  static SQLException lost(Throwable cause) {
    return new SQLNonTransientConnectionException("the connection to the server failed: "
        + rootMessage(cause), "08006", cause);
  }

  static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
