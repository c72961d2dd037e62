package io.sluice.server.avatica;

import java.io.IOException;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufService;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica's protobuf protocol without the network: each request is serialized, handled by the
 * same handler the HTTP endpoint uses, and the response parsed back. Embedded connections thus
 * behave exactly as remote ones do, SQLSTATEs included.
 */
final class InProcessService extends ProtobufService {
  private final ProtobufHandler handler;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();

  InProcessService(SluiceMeta meta) {
    this.handler = new ProtobufHandler(new LocalService(meta), translation,
        NoopMetricsSystem.getInstance());
  }

  @Override
  public Response _apply(Request request) {
    try {
      byte[] response = handler.apply(translation.serializeRequest(request)).getResponse();
      Response r = translation.parseResponse(response);
      if (r instanceof Service.ErrorResponse error) {
        throw error.toException();
      }
      return r;
    } catch (IOException e) {
      throw new RuntimeException("in-process request failed: " + e.getMessage(), e);
    }
  }
}
