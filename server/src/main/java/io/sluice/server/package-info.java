/**
 * The database process. {@link io.sluice.server.Database} owns the store, the catalog and the
 * tables; a {@link io.sluice.server.Session} runs one connection's statements through parser,
 * planner and executor ({@link io.sluice.server.statement}); {@link io.sluice.server.avatica}
 * serves sessions over JDBC, remotely (Avatica HTTP with protobuf) and in-process (the
 * embedded driver, which speaks the same protocol without the network); {@link
 * io.sluice.server.cli} is the launcher and the SQL shell.
 */
package io.sluice.server;
