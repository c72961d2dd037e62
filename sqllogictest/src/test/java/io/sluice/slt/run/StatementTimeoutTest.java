package io.sluice.slt.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.script.QueryRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement over the time limit fails, ends its file, and the rest counts as not run. */
class StatementTimeoutTest {

  /**
   * Runs queries in batch mode, except {@code SELECT 'stuck'}, which waits until its connection
   * is closed, as a statement the database never finishes would. (A really slow query would
   * make the test depend on the engine's speed and memory.)
   */
  private static final class StuckQuery implements QueryExecution {
    private final QueryExecution batch = new BatchQueryExecution();

    @Override
    public List<String> run(Connection connection, QueryRecord query)
        throws SQLException, ResultShapeException {
      if (!query.sql().equals("SELECT 'stuck'")) {
        return batch.run(connection, query);
      }
      while (!connection.isClosed()) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted", e);
        }
      }
      throw new SQLException("connection closed");
    }
  }

  @Test
  void slowQueryEndsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slow.test");
    Files.writeString(file, """
        statement ok
        CREATE TABLE t1(a INTEGER)

        query I nosort
        SELECT count(*) FROM t1
        ----
        0

        query T nosort
        SELECT 'stuck'
        ----
        stuck

        statement ok
        INSERT INTO t1 VALUES(100)

        skipif postgresql
        statement ok
        INSERT INTO t1 VALUES(101)

        query I nosort
        SELECT count(*) FROM t1
        ----
        1
        """);
    SuiteRunner runner = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
        "postgresql", new StuckQuery(), 1, Duration.ofSeconds(1));

    FileResult result = runner.run(List.of(new TestFile("slow.test", ".", file)), r -> { })
        .get(0);

    assertEquals(2, result.passed(), result.toString());
    assertEquals(1, result.failures().size(), result.toString());
    Failure timedOut = result.failures().get(0);
    assertEquals(9, timedOut.line());
    assertEquals("timed out after 1 s at line 9", timedOut.actual());
    assertEquals(3, result.failed(), "the stuck query and the two records after it that run");
    assertEquals(1, result.skipped(), "an excluded record is skipped, timeout or not");
    assertEquals("timed out after 1 s at line 9; 2 statements and queries not run",
        result.error().orElseThrow());
  }
}
