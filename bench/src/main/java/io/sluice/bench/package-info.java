/**
 * Benchmarks that print their numbers; run with {@code bin/sluice bench NAME [options]}.
 *
 * <p>Each benchmark starts a real Sluice server as a separate JVM ({@link
 * io.sluice.bench.ServerProcess}), talks to it only through the thin remote JDBC driver, and
 * ends with one {@code RESULT ...} line of {@code key=value} pairs and one {@code MACHINE ...}
 * line, so runs can be compared with grep. Benchmarks measure; they never assert timing. They
 * do check their data: a benchmark that loses a row or reads a wrong one says so and exits
 * with status 1.
 *
 * <ul>
 *   <li>{@link io.sluice.bench.InsertBenchmark}: batched INSERT throughput.</li>
 *   <li>{@link io.sluice.bench.PointQueryBenchmark}: primary-key point-query latency.</li>
 * </ul>
 */
package io.sluice.bench;
