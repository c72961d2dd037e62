package io.sluice.server.views;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized differential test of materialized views. Three tables with random column types
 * and random, NULL-rich, duplicate-rich data; the {@link QueryPool} (filters, every kind of
 * join, semi and anti joins, aggregates, DISTINCT, set operations, top-N, scalar subqueries,
 * views over views) kept as materialized views, most created before any data and the rest
 * after some; then rounds of random INSERTs, UPDATEs (of keys and grouping columns too) and
 * DELETEs. After every round every view must hold what the same query returns when Sluice
 * runs it ad hoc and, for all but a few queries, what H2 returns for it ({@link
 * DifferentialRun}). Reads use the default {@code view_reads = fresh}: a view must reflect
 * every change acknowledged before the read.
 *
 * <p>Each run draws a new seed unless one is given; a failure names its seed and writes the
 * statements it gave Sluice to {@code server/target/sluice-diff/}. System properties:
 *
 * <ul>
 *   <li>{@code -Dsluice.diff.seed=N} runs that seed (both tests use it);
 *   <li>{@code -Dsluice.diff.rounds=N} rounds of the in-memory test (default 30; the reopen
 *       test runs a fifth as many, at least 6), for example 500 for a long run;
 *   <li>{@code -Dsluice.diff.queries=a,b} keeps only those queries of the pool (and the views
 *       they read); the data and changes stay those of the seed.
 * </ul>
 *
 * <p>For example: {@code mvn -B -o -pl server test -Dtest=MaterializedViewDifferentialTest
 * -Dsluice.diff.seed=42 -Dsluice.diff.rounds=200}.
 */
class MaterializedViewDifferentialTest {
  private static final int DEFAULT_ROUNDS = 30;

  @Test
  void viewsAgreeWithAdHocQueriesAndH2() throws Exception {
    long seed = seed();
    DifferentialRun.run(new DifferentialRun.Settings(seed, rounds(),
        "jdbc:sluice:mem:views-diff-" + UUID.randomUUID(), Set.of(), only(), "in-memory",
        reproduce(seed, "viewsAgreeWithAdHocQueriesAndH2")));
  }

  @Test
  void viewsResumeAfterTheDatabaseIsReopened(@TempDir Path dir) throws Exception {
    long seed = seed();
    int rounds = Math.max(6, rounds() / 5);
    // Closed and opened again after round 2 and every third round after it.
    Set<Integer> reopenAfter = new HashSet<>();
    for (int r = 2; r < rounds; r += 3) {
      reopenAfter.add(r);
    }
    DifferentialRun.run(new DifferentialRun.Settings(seed, rounds,
        "jdbc:sluice:embedded:" + dir.resolve("db"), reopenAfter, only(), "reopened",
        reproduce(seed, "viewsResumeAfterTheDatabaseIsReopened")));
  }

  /** The Maven command line that runs this test again as it just ran. */
  private static String reproduce(long seed, String method) {
    String queries = System.getProperty("sluice.diff.queries", "");
    return "mvn -B -o -pl server test -Dtest=" + MaterializedViewDifferentialTest.class
        .getSimpleName() + "#" + method + " -Dsluice.diff.seed=" + seed
        + (System.getProperty("sluice.diff.rounds") == null ? ""
            : " -Dsluice.diff.rounds=" + rounds())
        + (queries.isBlank() ? "" : " -Dsluice.diff.queries=" + queries);
  }

  private static long seed() {
    String s = System.getProperty("sluice.diff.seed");
    return s == null || s.isBlank() ? new Random().nextLong() : Long.parseLong(s);
  }

  private static int rounds() {
    return Integer.getInteger("sluice.diff.rounds", DEFAULT_ROUNDS);
  }

  private static Set<String> only() {
    String s = System.getProperty("sluice.diff.queries", "");
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
        .collect(Collectors.toSet());
  }
}
