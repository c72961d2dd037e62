/**
 * Sluice over JDBC. {@link io.sluice.server.avatica.SluiceMeta} is Avatica's {@code Meta} for
 * Sluice sessions; {@link io.sluice.server.avatica.AvaticaEndpoint} serves it over HTTP with
 * protobuf; {@link io.sluice.server.avatica.EmbeddedDriver} serves it in-process for {@code
 * jdbc:sluice:embedded:} and {@code jdbc:sluice:mem:} URLs through the same protocol handler, so
 * both paths behave alike, errors included.
 */
package io.sluice.server.avatica;
