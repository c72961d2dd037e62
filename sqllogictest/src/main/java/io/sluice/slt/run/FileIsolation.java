package io.sluice.slt.run;

import java.sql.SQLException;

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
   * The isolation a URL allows. {@code jdbc:sluice:mem:} gives every connection its own new
   * database, so files run in parallel on private databases. Any other URL (a server, an
   * embedded directory, a named in-memory database) is one shared database: files run one at a
   * time and each file's tables and views are dropped when it ends.
   */
  static FileIsolation forUrl(String url) {
    return PrivateDatabases.accepts(url) ? new PrivateDatabases(url) : new SharedDatabase(url);
  }
}
