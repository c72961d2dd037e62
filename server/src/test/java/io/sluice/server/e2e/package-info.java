/**
 * End-to-end tests of Sluice: the real server started as its own JVM ({@link
 * io.sluice.server.e2e.ServerProcess}), spoken to through the real JDBC driver, the shell run
 * as a process, and the embedded URLs. Nothing is mocked; expected answers are computed in Java
 * from the data each test inserts.
 */
package io.sluice.server.e2e;
