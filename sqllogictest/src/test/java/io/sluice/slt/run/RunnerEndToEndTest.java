package io.sluice.slt.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.slt.corpus.TestFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a small script with passing and deliberately failing records through the real embedded
 * driver ({@code jdbc:sluice:mem:}).
 */
class RunnerEndToEndTest {

  static Path resource(String name) throws Exception {
    return Path.of(RunnerEndToEndTest.class.getResource("/slt/" + name).toURI());
  }

  /** The lines of the records that follow a "# FAIL:" comment. */
  private static List<Integer> markedFailures(Path script) throws Exception {
    List<String> lines = Files.readAllLines(script);
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("# FAIL:")) {
        marked.add(i + 2);
      }
    }
    return marked;
  }

  private static FileResult runCheckScript() throws Exception {
    Path script = resource("runner-check.test");
    SuiteRunner runner = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
        "postgresql", new BatchQueryExecution(), 1, Duration.ZERO);
    return runner.runFile(new TestFile("runner-check.test", ".", script));
  }

  @Test
  void passingFailingAndSkippedRecordsAreCounted() throws Exception {
    FileResult result = runCheckScript();
    List<Integer> marked = markedFailures(resource("runner-check.test"));
    assertEquals(Optional.empty(), result.error());
    assertEquals(marked, result.failures().stream().map(Failure::line).toList(),
        "exactly the records marked FAIL fail: " + result.failures());
    assertEquals(marked.size(), result.failed());
    assertEquals(2, result.skipped());
    assertEquals(10, result.passed());
  }

  @Test
  void failuresCarryTheSqlTheExpectedAndTheActualOutput() throws Exception {
    List<Failure> failures = runCheckScript().failures();
    Failure notSucceeding = failures.get(0);
    assertEquals("INSERT INTO no_such_table VALUES(1)", notSucceeding.sql());
    assertEquals("success", notSucceeding.expected());
    assertTrue(notSucceeding.actual().startsWith("error [42P01]"), notSucceeding.actual());

    assertEquals("statement succeeded", failures.get(1).actual());

    Failure wrongValue = failures.get(2);
    assertEquals("SELECT a FROM t1 ORDER BY a", wrongValue.sql());
    assertEquals("1\n2\n4", wrongValue.expected());
    assertEquals("1\n2\n3", wrongValue.actual());

    assertEquals("1\n2\n3", failures.get(3).actual(), "a missing value is a failure");
    assertTrue(failures.get(4).actual().contains("wrong number of result columns"));
    assertTrue(failures.get(5).expected().startsWith("the result of label label-a at line"),
        failures.get(5).expected());
    assertEquals("9 values hashing to ab3494595eeb8b66e6930fec9f873851",
        failures.get(6).actual());
  }

  /**
   * Incremental mode over a table dropped and created again: every query passes, and the
   * script's own checks see each view exist before its data, and no view of a later
   * generation exist early (it would only be dropped with the table). In batch mode those
   * three checks fail, as no view exists.
   */
  @Test
  void incrementalViewsExistBeforeTheirDataAndNotBeforeTheirTable() throws Exception {
    Path script = resource("incremental-drops.test");
    FileResult incremental = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
        "postgresql", new IncrementalQueryExecution(), 1, Duration.ZERO)
        .runFile(new TestFile("incremental-drops.test", ".", script));
    assertEquals(Optional.empty(), incremental.error());
    assertEquals(List.of(), incremental.failures());
    assertEquals(16, incremental.passed());
    FileResult batch = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
        "postgresql", new BatchQueryExecution(), 1, Duration.ZERO)
        .runFile(new TestFile("incremental-drops.test", ".", script));
    assertEquals(3, batch.failed(), "the view checks mean something: " + batch.failures());
  }

  /**
   * A {@code statement ok} DROP VIEW of a view another view reads fails with 2BP01, as in
   * PostgreSQL; the skip list counts exactly that outcome as skipped, in both modes, and a DROP
   * VIEW failing otherwise still fails.
   */
  @Test
  void droppingAViewAnotherReadsIsSkippedAndOtherDropFailuresAreNot() throws Exception {
    Path script = resource("dependent-view-drop.test");
    for (QueryExecution mode : List.of(new BatchQueryExecution(), new IncrementalQueryExecution())) {
      FileResult result = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
          "postgresql", mode, 1, Duration.ZERO)
          .runFile(new TestFile("dependent-view-drop.test", ".", script));
      assertEquals(Optional.empty(), result.error());
      assertEquals(markedFailures(script), result.failures().stream().map(Failure::line).toList(),
          mode.getClass().getSimpleName() + ": " + result.failures());
      assertTrue(result.failures().get(0).actual().startsWith("error [42P01]"),
          result.failures().get(0).actual());
      assertEquals(1, result.skipped(), mode.getClass().getSimpleName());
      assertEquals(8, result.passed(), mode.getClass().getSimpleName());
    }
  }

  /**
   * A sum of 2,000 terms parses, but validating it overflows a 1 MB stack (the validator
   * recurses once per term, more deeply than the parsers), and the StackOverflowError leaves
   * the in-process driver as an Error, not an SQLException. It fails that query alone, saying
   * what was thrown, and the file's other records still count, in both modes (incremental mode
   * meets it first when it creates the query's view, before the file's first statement).
   */
  @Test
  void anErrorFromTheDriverFailsOnlyItsRecord(@TempDir Path dir) throws Exception {
    String sum = String.join(" + ", java.util.Collections.nCopies(2_000, "a"));
    Path script = dir.resolve("driver-error.test");
    Files.writeString(script, String.join("\n",
        "statement ok", "CREATE TABLE t1(a INTEGER)", "",
        "statement ok", "INSERT INTO t1 VALUES(7)", "",
        "query I nosort", "SELECT " + sum + " FROM t1", "----", "14000", "",
        "query I nosort", "SELECT a + 1 FROM t1", "----", "8", ""));
    for (QueryExecution mode : List.of(new BatchQueryExecution(), new IncrementalQueryExecution())) {
      String name = mode.getClass().getSimpleName();
      FileResult result = onStackOf(1 << 20, () -> new SuiteRunner(
          FileIsolation.forUrl("jdbc:sluice:mem:"), "postgresql", mode, 1, Duration.ZERO)
          .runFile(new TestFile("driver-error.test", ".", script)));
      assertEquals(Optional.empty(), result.error(), name);
      assertEquals(List.of(7), result.failures().stream().map(Failure::line).toList(),
          name + ": " + result.failures());
      String actual = result.failures().get(0).actual();
      assertTrue(actual.contains("java.lang.StackOverflowError")
          && actual.contains("an Error thrown at"), name + ": " + actual);
      assertEquals(3, result.passed(), name);
    }
  }

  /** Runs {@code body} on a thread with a stack of {@code bytes}, and returns its result. */
  private static <T> T onStackOf(long bytes, java.util.concurrent.Callable<T> body)
      throws Exception {
    java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(body);
    Thread thread = new Thread(null, task, "small-stack", bytes);
    thread.start();
    thread.join();
    return task.get();
  }
}
