package io.sluice.server.avatica;

import io.sluice.server.Database;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;

/** The JDBC endpoint: Avatica's HTTP server with protobuf serialization over a database. */
public final class AvaticaEndpoint implements AutoCloseable {
  private final HttpServer server;

  private AvaticaEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts serving on a port of every interface (0 picks a free port). */
  public static AvaticaEndpoint start(Database database, int port) {
    SluiceMeta meta = new SluiceMeta(database, null);
    HttpServer server = new HttpServer.Builder<>()
        .withHandler(new LocalService(meta), Driver.Serialization.PROTOBUF)
        .withPort(port)
        .build();
    server.start();
    return new AvaticaEndpoint(server);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    server.stop();
  }
}
