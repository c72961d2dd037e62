package io.sluice.slt.run;

import java.sql.Connection;
import java.sql.SQLException;

/** The database one test file runs on; closing it leaves nothing of the file behind. */
public interface FileDatabase extends AutoCloseable {

  /** The connection the file's records run on. */
  Connection connection();

  /**
   * Ends the file's use of the database.
   *
   * @throws SQLException if what the file created could not all be removed
   */
  @Override
  void close() throws SQLException;
}
