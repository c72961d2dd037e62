/**
 * Sluice's JDBC driver. {@link io.sluice.jdbc.SluiceDriver} accepts {@code
 * jdbc:sluice://host:port} (a server, over Avatica's protobuf protocol on HTTP) and the
 * in-process URLs {@code jdbc:sluice:embedded:<dir>} and {@code jdbc:sluice:mem:[name]}, which
 * need the Sluice server on the class path and speak the same protocol without the network.
 * Connections, statements and metadata are Avatica's with Sluice's own answers where Avatica's
 * would be wrong for Sluice (primary keys, URL, autocommit, batch failures, lost servers).
 */
package io.sluice.jdbc;
