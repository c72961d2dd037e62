package io.sluice.server.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one {@link ServerProcess} shared by every test class that asks for it in this test
 * JVM, started on first use and killed when the test run ends. Starting a server JVM costs
 * seconds on two shared cores; tests that only need a running server share this one and keep
 * to their own table names. Tests that stop, kill or restart a server start their own.
 *
 * <p>A {@link Connection} parameter is a new connection to that server, closed when the scope
 * that asked for it ends: a {@code @BeforeAll} method's connection lives as long as its class,
 * a test method's as long as the test.
 */
public final class SharedServer implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServer.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ServerProcess.class || type == Connection.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ServerProcess server = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> ServerProcess.start(), ServerProcess.class);
    if (!server.isRunning()) {
      throw new IllegalStateException("the shared server died\n--- its log ---\n" + server.log());
    }
    if (parameter.getParameter().getType() == ServerProcess.class) {
      return server;
    }
    try {
      Connection c = server.connect();
      // JUnit closes AutoCloseable values of a store when its scope ends.
      context.getStore(NAMESPACE).put(new Object(), c);
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the shared server", e);
    }
  }
}
