/**
 * The thin JDBC driver: {@code jdbc:sluice://host:port}, speaking Avatica's protobuf protocol
 * over HTTP to a Sluice server. Built into one self-contained jar with its dependencies
 * relocated, so it can sit next to anything on a tool's class path.
 */
package io.sluice.jdbc;
