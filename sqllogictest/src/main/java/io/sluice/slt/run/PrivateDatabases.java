package io.sluice.slt.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A new in-memory database per file: every connection to {@code jdbc:sluice:mem:} opens a
 * private database that disappears when the connection closes. A file that needs a server of
 * its own gets a {@link ServerProcess}.
 */
final class PrivateDatabases implements FileIsolation {
  private static final String PRIVATE_MEMORY_URL = "jdbc:sluice:mem:";

  private final String url;

  PrivateDatabases(String url) {
    this.url = url;
  }

  /** Whether every connection to the URL gets a database of its own. */
  static boolean accepts(String url) {
    return url.equals(PRIVATE_MEMORY_URL) || url.startsWith(PRIVATE_MEMORY_URL + ";");
  }

  @Override
  public FileDatabase open() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    return new FileDatabase() {
      @Override
      public Connection connection() {
        return connection;
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  @Override
  public boolean parallelFiles() {
    return true;
  }

  /** The runner owns these databases, so it may as well own a server for a file. */
  @Override
  public Optional<String> whyNoOwnServer() {
    return Optional.empty();
  }

  @Override
  public FileDatabase openServer() throws SQLException {
    return ServerProcess.start();
  }
}
