package io.sluice.common.error;

/**
 * An error a statement ends with, carrying its SQLSTATE. Thrown anywhere below the server; the
 * server converts it to a {@link java.sql.SQLException} with the same state and message.
 */
public class SluiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public SluiceException(String sqlState, String message) {
    super(message);
    this.sqlState = checkState(sqlState);
  }

  public SluiceException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = checkState(sqlState);
  }

  private static String checkState(String sqlState) {
    if (sqlState == null || sqlState.length() != 5) {
      throw new IllegalArgumentException("SQLSTATE must have five characters: " + sqlState);
    }
    return sqlState;
  }

  /** The five-character SQLSTATE code. */
  public String sqlState() {
    return sqlState;
  }

  /** Creates an error for a bug in Sluice, keeping the cause for the log. */
  public static SluiceException internal(String message, Throwable cause) {
    return new SluiceException(SqlState.INTERNAL_ERROR, message, cause);
  }

  /** Creates an error for a feature Sluice does not have. */
  public static SluiceException unsupported(String message) {
    return new SluiceException(SqlState.FEATURE_NOT_SUPPORTED, message);
  }
}
