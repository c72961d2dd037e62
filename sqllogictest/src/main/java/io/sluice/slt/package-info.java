/**
 * Sluice's sqllogictest runner. {@link io.sluice.slt.SltMain} is the command line
 * ({@code bin/sluice slt}); the format lives in {@code script}, rendering and hashing of results
 * in {@code result}, running files over JDBC in {@code run}, finding files in {@code corpus} and
 * the output in {@code report}. The runner talks to the database through {@code java.sql} only,
 * so it tests Sluice exactly as a client sees it, and can be pointed at any JDBC URL.
 */
package io.sluice.slt;
