/**
 * Sluice over JDBC. {@link io.sluice.server.avatica.SluiceMeta} is Avatica's {@code Meta} for
 * Sluice sessions; {@link io.sluice.server.avatica.AvaticaEndpoint} serves it over HTTP with
 * protobuf; {@link io.sluice.server.avatica.EmbeddedServiceFactory} serves it in-process when
 * the driver (io.sluice.jdbc.SluiceDriver) connects to a {@code jdbc:sluice:embedded:} or {@code
 * jdbc:sluice:mem:} URL, through the same protocol handler, so both paths behave alike, errors
 * included.
 */
package io.sluice.server.avatica;
