package io.sluice.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The JDBC driver for Sluice.
 * <ul>
 *   <li>{@code jdbc:sluice://host[:port][?key=value&...]}: a server (port 8765 by default).
 *   <li>{@code jdbc:sluice:embedded:<directory>}: a database in a directory, in this JVM.
 *   <li>{@code jdbc:sluice:mem:} a private in-memory database; {@code jdbc:sluice:mem:<name>} a
 *       named one shared in the JVM while a connection to it is open.
 * </ul>
 * In-process URLs need sluice-server on the class path.
 */
public final class SluiceDriver extends Driver {
  /** The prefix of remote URLs. */
  public static final String REMOTE = "jdbc:sluice://";
  /** The prefix of embedded URLs. */
  public static final String EMBEDDED = "jdbc:sluice:embedded:";
  /** The prefix of in-memory URLs. */
  public static final String MEM = "jdbc:sluice:mem:";
  /** The port a server listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8765;
  /** The connection property holding the URL the user connected with. */
  static final String URL_PROPERTY = "sluice.url";
  /** The server class that serves in-process connections. */
  private static final String EMBEDDED_FACTORY =
      "io.sluice.server.avatica.EmbeddedServiceFactory";

  static {
    try {
      DriverManager.registerDriver(new SluiceDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Set while this driver hands its rewritten URL to Avatica, which asks {@link #acceptsURL}
   * again about that form.
   */
  private static final ThreadLocal<Boolean> CONNECTING = ThreadLocal.withInitial(() -> false);

  @Override
  protected String getConnectStringPrefix() {
    return "jdbc:sluice:";
  }

  @Override
  public boolean acceptsURL(String url) {
    return CONNECTING.get() || (url != null
        && (url.startsWith(REMOTE) || url.startsWith(EMBEDDED) || url.startsWith(MEM)));
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new SluiceJdbcFactory();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    Properties p = new Properties();
    try (InputStream in = SluiceDriver.class.getResourceAsStream("sluice-jdbc.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Unknown versions below.
    }
    String version = p.getProperty("driver.version", "0.0.0");
    int[] mm = majorMinor(version);
    return new DriverVersion(p.getProperty("driver.name", "Sluice JDBC Driver"), version,
        p.getProperty("product.name", "Sluice"), p.getProperty("product.version", version),
        true, mm[0], mm[1], mm[0], mm[1]);
  }

  private static int[] majorMinor(String version) {
    String[] parts = version.split("[.-]");
    try {
      return new int[] {Integer.parseInt(parts[0]),
          parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
    } catch (NumberFormatException e) {
      return new int[] {0, 0};
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || CONNECTING.get() || !acceptsURL(url)) {
      return null;
    }
    Properties props = new Properties();
    if (info != null) {
      props.putAll(info);
    }
    if (url.startsWith(REMOTE)) {
      remote(url, props);
    } else {
      embedded(url, props);
    }
    // Sluice folds unquoted identifiers to lower case and matches names case-sensitively.
    props.putIfAbsent("unquotedCasing", "TO_LOWER");
    props.putIfAbsent("quotedCasing", "UNCHANGED");
    props.putIfAbsent("caseSensitive", "true");
    props.setProperty(URL_PROPERTY, url);
    CONNECTING.set(true);
    try {
      return super.connect("jdbc:sluice:", props);
    } catch (SQLException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.connectionFailed("cannot connect to " + url, e);
    } finally {
      CONNECTING.set(false);
    }
  }

  private static void remote(String url, Properties props) throws SQLException {
    String rest = url.substring(REMOTE.length());
    int q = rest.indexOf('?');
    String hostPort = q < 0 ? rest : rest.substring(0, q);
    if (q >= 0) {
      for (String kv : rest.substring(q + 1).split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        if (eq < 0) {
          throw new SQLException("bad connection property '" + kv + "' in " + url, "08001");
        }
        props.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    if (hostPort.endsWith("/")) {
      hostPort = hostPort.substring(0, hostPort.length() - 1);
    }
    if (hostPort.isEmpty() || hostPort.contains("/")) {
      throw new SQLException("expected jdbc:sluice://host:port, got " + url, "08001");
    }
    if (!hostPort.contains(":")) {
      hostPort = hostPort + ":" + DEFAULT_PORT;
    }
    props.setProperty("url", "http://" + hostPort);
    props.setProperty("serialization", "protobuf");
  }

  private static void embedded(String url, Properties props) throws SQLException {
    try {
      Class.forName(EMBEDDED_FACTORY, false, SluiceDriver.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SQLException(url + " needs the Sluice server (sluice-server and its libraries)"
          + " on the class path; to reach a server use jdbc:sluice://host:port", "08001", e);
    }
    String target = url.substring("jdbc:sluice:".length());
    int semicolon = target.indexOf(';');
    if (semicolon >= 0) {
      for (String kv : target.substring(semicolon + 1).split(";")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          props.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      target = target.substring(0, semicolon);
    }
    props.setProperty("factory", EMBEDDED_FACTORY);
    props.setProperty("url", target);
  }
}
