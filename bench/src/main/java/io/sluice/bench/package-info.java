/** Benchmarks that print their numbers; run with {@code bin/sluice bench}. */
package io.sluice.bench;
