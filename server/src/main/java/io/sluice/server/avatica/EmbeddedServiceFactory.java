package io.sluice.server.avatica;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.remote.Service;

/**
 * Creates the in-process service for an embedded connection. Avatica instantiates it by name
 * (the {@code factory} connection property); the database to open travels in the {@code url}
 * property.
 */
public final class EmbeddedServiceFactory implements Service.Factory {
  @Override
  public Service create(AvaticaConnection connection) {
    String target = connection.config().url();
    return new InProcessService(EmbeddedDatabases.meta(target));
  }
}
