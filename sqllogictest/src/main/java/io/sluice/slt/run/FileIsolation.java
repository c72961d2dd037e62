package io.sluice.slt.run;

import java.sql.SQLException;
import java.util.Optional;

/**
 * How every test file gets an empty database. The corpus's files all create tables called
 * {@code t1}, so files must not see each other's objects.
 */
public interface FileIsolation {

  /** A database for one file: empty as far as that file can tell. */
  FileDatabase open() throws SQLException;

  /** Whether several files may run at the same time. */
  boolean parallelFiles();

  /**
   * Why files cannot get a server process of their own (for {@code sluice restart}, {@code
   * sluice kill} and {@code sluice checkpoint}); empty if they can, through {@link
   * #openServer()}.
   */
  Optional<String> whyNoOwnServer();

  /**
   * A new server process, over a new data directory, for one file; closing the database stops
   * the server and deletes the directory.
   *
   * @throws SQLException if the server does not start
   * @throws UnsupportedOperationException if {@link #whyNoOwnServer()} says why not
   */
  default FileDatabase openServer() throws SQLException {
    throw new UnsupportedOperationException(whyNoOwnServer().orElse("no server processes"));
  }

  /**
   * The isolation a URL allows. {@code jdbc:sluice:mem:} gives every connection its own new
   * database, so files run in parallel on private databases; a file that restarts or kills the
   * server, or checkpoints, runs on a server process of its own instead. Any other URL (a
   * server, an embedded directory, a named in-memory database) is one shared database: files
   * run one at a time, each file's tables and views are dropped when it ends, and files that
   * restart or kill the server are skipped.
   */
  static FileIsolation forUrl(String url) {
    return PrivateDatabases.accepts(url) ? new PrivateDatabases(url) : new SharedDatabase(url);
  }
}
