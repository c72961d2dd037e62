package io.sluice.server.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one {@link ServerProcess} shared by every test class that asks for it in this test
 * JVM, started on first use and killed when the test run ends. Starting a server JVM costs
 * seconds on two shared cores; tests that only need a running server share this one and keep
 * to their own table names. Tests that stop, kill or restart a server start their own.
 */
public final class SharedServer implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServer.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ServerProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ServerProcess server = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> ServerProcess.start(), ServerProcess.class);
    if (!server.isRunning()) {
      throw new IllegalStateException("the shared server died\n--- its log ---\n" + server.log());
    }
    return server;
  }
}
