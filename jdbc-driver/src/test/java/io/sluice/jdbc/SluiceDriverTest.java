package io.sluice.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Proves the driver's side of connecting, without a server: DriverManager finds it through its
 * service file, it claims exactly Sluice's URLs, rejects malformed ones with SQLSTATE 08001,
 * explains that in-process URLs need the server on the class path (this module's tests do not
 * have it), and reports a server that cannot be reached as an
 * SQLException of class 08 (connection exception), as JDBC tools and pools expect, never as an
 * unchecked exception.
 */
class SluiceDriverTest {

  @Test
  void driverManagerFindsTheDriverThroughItsServiceFile() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:sluice://localhost:8765");
    assertInstanceOf(SluiceDriver.class, d);
  }

  @Test
  void claimsOnlySluiceUrls() {
    SluiceDriver d = new SluiceDriver();
    assertTrue(d.acceptsURL("jdbc:sluice://localhost:8765"));
    assertTrue(d.acceptsURL("jdbc:sluice://db.example.com"));
    assertTrue(d.acceptsURL("jdbc:sluice:mem:"));
    assertTrue(d.acceptsURL("jdbc:sluice:embedded:/tmp/x"));
    assertFalse(d.acceptsURL("jdbc:sluice:other"));
    assertFalse(d.acceptsURL("jdbc:postgresql://localhost/db"));
    assertFalse(d.acceptsURL(null));
  }

  @Test
  void inProcessUrlsWithoutTheServerSayWhatIsMissing() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:sluice:mem:"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("needs the Sluice server"), e.getMessage());
  }

  @Test
  void malformedUrlsAreRejectedWith08001() {
    for (String url : new String[] {"jdbc:sluice://", "jdbc:sluice://host:1/db",
        "jdbc:sluice://host:1?novalue"}) {
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url),
          url);
      assertEquals("08001", e.getSQLState(), url + ": " + e.getMessage());
    }
  }

  @Test
  void anUnreachableServerIsAConnectionException() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "jdbc:sluice://localhost:" + port;
    Throwable t = assertThrows(Throwable.class, () -> DriverManager.getConnection(url).close());
    SQLException e = assertInstanceOf(SQLException.class, t,
        "connecting to a port nobody listens on must throw an SQLException, not " + t);
    assertNotNull(e.getSQLState(), e.toString());
    assertTrue(e.getSQLState().startsWith("08"), "SQLSTATE class 08, got " + e.getSQLState());
  }
}
