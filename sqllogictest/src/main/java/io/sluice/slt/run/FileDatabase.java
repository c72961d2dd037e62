package io.sluice.slt.run;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database one test file runs on; closing it leaves nothing of the file behind. A database
 * in a server process the runner owns can also be restarted and killed under the file ({@link
 * ServerProcess}); the connection then changes.
 */
public interface FileDatabase extends AutoCloseable {

  /** The connection the file's records run on now. */
  Connection connection();

  /**
   * Stops the server with SIGTERM, starts it again over the same data and reconnects.
   *
   * @throws SQLException if it did not stop cleanly or does not come back
   * @throws UnsupportedOperationException if the runner does not own the server
   */
  default void restart() throws SQLException {
    throw new UnsupportedOperationException("the runner does not own this database's server");
  }

  /**
   * Kills the server with SIGKILL, starts it again over the same data and reconnects.
   *
   * @throws SQLException if it does not come back
   * @throws UnsupportedOperationException if the runner does not own the server
   */
  default void kill() throws SQLException {
    throw new UnsupportedOperationException("the runner does not own this database's server");
  }

  /**
   * Ends the file's use of the database.
   *
   * @throws SQLException if what the file created could not all be removed
   */
  @Override
  void close() throws SQLException;
}
