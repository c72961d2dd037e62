package io.sluice.server.avatica;

import io.sluice.server.Version;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The in-process JDBC driver: {@code jdbc:sluice:embedded:<directory>} opens (or creates) a
 * database in a directory, {@code jdbc:sluice:mem:} a private in-memory one and {@code
 * jdbc:sluice:mem:<name>} a named in-memory one shared within the JVM. A database stays open
 * while a connection to it is open.
 */
public final class EmbeddedDriver extends Driver {
  private static final String EMBEDDED = "jdbc:sluice:embedded:";
  private static final String MEM = "jdbc:sluice:mem:";

  static {
    try {
      DriverManager.registerDriver(new EmbeddedDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  protected String getConnectStringPrefix() {
    return "jdbc:sluice:";
  }

  /**
   * Set while this driver hands the rewritten URL to Avatica's connect, which asks {@link
   * #acceptsURL} again about the rewritten form.
   */
  private static final ThreadLocal<Boolean> CONNECTING = ThreadLocal.withInitial(() -> false);

  @Override
  public boolean acceptsURL(String url) {
    return CONNECTING.get() || (url != null && (url.startsWith(EMBEDDED) || url.startsWith(MEM)));
  }

  private Connection connectRewritten(String url, Properties props) throws SQLException {
    CONNECTING.set(true);
    try {
      return super.connect(url, props);
    } finally {
      CONNECTING.set(false);
    }
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Sluice embedded JDBC driver", Version.VERSION, "Sluice",
        Version.VERSION, true, Version.major(), Version.minor(), Version.major(),
        Version.minor());
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !acceptsURL(url) || CONNECTING.get()) {
      return null;
    }
    String rest = url.substring("jdbc:sluice:".length());
    int semicolon = rest.indexOf(';');
    Properties props = new Properties();
    if (info != null) {
      props.putAll(info);
    }
    props.setProperty("factory", EmbeddedServiceFactory.class.getName());
    props.setProperty("url", semicolon < 0 ? rest : rest.substring(0, semicolon));
    try {
      return connectRewritten(
          "jdbc:sluice:" + (semicolon < 0 ? "" : rest.substring(semicolon + 1)), props);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof io.sluice.common.error.SluiceException)) {
        cause = cause.getCause();
      }
      String state = cause instanceof io.sluice.common.error.SluiceException se
          ? se.sqlState() : "08001";
      throw new SQLException("cannot open " + url + ": " + cause.getMessage(), state, e);
    }
  }
}
