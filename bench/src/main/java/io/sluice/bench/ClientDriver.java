package io.sluice.bench;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The JDBC driver a benchmark's clients use to reach the server. Drivers are instantiated
 * directly rather than looked up through {@code DriverManager}, so the embedded driver, which
 * is also on the class path, can never be picked by accident.
 */
enum ClientDriver {
  /** Sluice's thin remote driver (the shaded sluice-jdbc jar): what users run. */
  SLUICE {
    @Override
    String url(int port) {
      return "jdbc:sluice://localhost:" + port;
    }

    @Override
    Driver driver() {
      return SluiceHolder.DRIVER;
    }
  },
  /**
   * Avatica's own remote driver, not relocated, with protobuf serialization: the same client
   * code and wire protocol as {@link #SLUICE}. A fallback for when the shaded driver cannot
   * talk to the server.
   */
  AVATICA {
    @Override
    String url(int port) {
      return "jdbc:avatica:remote:url=http://localhost:" + port + ";serialization=protobuf";
    }

    @Override
    Driver driver() {
      return AvaticaHolder.DRIVER;
    }
  };

  /** The URL of a server on this machine's port. */
  abstract String url(int port);

  abstract Driver driver();

  /** Connects to a server on this machine's port. */
  Connection connect(int port) throws SQLException {
    Connection c;
    try {
      c = driver().connect(url(port), new Properties());
    } catch (RuntimeException e) {
      // Avatica's client throws unchecked exceptions when it cannot read the server's answer,
      // e.g. "Cannot find response parser for ...": the shaded driver's relocated protobuf
      // message names do not match the server's. Say what to try instead of only a trace.
      throw new SQLException("the " + name().toLowerCase() + " driver could not talk to the "
          + "server at " + url(port) + ": " + e.getMessage()
          + (this == SLUICE ? " (to measure the server anyway, --driver avatica uses Avatica's "
              + "own remote driver over the same protocol)" : ""), "08001", e);
    }
    if (c == null) {
      throw new SQLException(name().toLowerCase() + " driver did not accept " + url(port));
    }
    return c;
  }

  /** Loads the thin driver only when it is first used. */
  private static final class SluiceHolder {
    static final Driver DRIVER = new io.sluice.jdbc.SluiceDriver();
  }

  /** Loads Avatica's driver only when it is first used. */
  private static final class AvaticaHolder {
    static final Driver DRIVER = new org.apache.calcite.avatica.remote.Driver();
  }
}
