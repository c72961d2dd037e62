package io.sluice.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The JDBC driver for a remote Sluice server: {@code jdbc:sluice://host[:port][?key=value&...]}
 * (port 8765 by default). Query parameters become connection properties.
 */
public final class SluiceDriver extends Driver {
  /** The URL prefix this driver accepts. */
  public static final String URL_PREFIX = "jdbc:sluice://";
  /** The port a server listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8765;

  static {
    try {
      DriverManager.registerDriver(new SluiceDriver());
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
    return CONNECTING.get() || (url != null && url.startsWith(URL_PREFIX));
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
    Properties p = new Properties();
    try (InputStream in = SluiceDriver.class.getResourceAsStream("sluice-jdbc.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall back to unknown versions below.
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
    if (url == null || !acceptsURL(url) || CONNECTING.get()) {
      return null;
    }
    Properties props = new Properties();
    if (info != null) {
      props.putAll(info);
    }
    String rest = url.substring(URL_PREFIX.length());
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
    return connectRewritten("jdbc:sluice:", props);
  }
}
