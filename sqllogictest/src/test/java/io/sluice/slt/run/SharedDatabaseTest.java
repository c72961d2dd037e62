package io.sluice.slt.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.slt.corpus.TestFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files on one shared database: they run one at a time, and each starts empty because what the
 * previous one created is dropped.
 */
class SharedDatabaseTest {
  private static final String URL = "jdbc:sluice:mem:slt-shared-database-test";

  private static final String SCRIPT = """
      statement ok
      CREATE TABLE t1(a INTEGER)

      statement ok
      INSERT INTO t1 VALUES(1)

      statement ok
      CREATE VIEW v1 AS SELECT a FROM t1

      query I nosort
      SELECT a FROM v1
      ----
      1
      """;

  private static Set<String> userTables(Connection connection) throws Exception {
    Set<String> names = new TreeSet<>();
    try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rows.next()) {
        if (!rows.getString("TABLE_TYPE").startsWith("SYSTEM")) {
          names.add(rows.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }

  @Test
  void eachFileFindsTheDatabaseAsTheFirstDid(@TempDir Path dir) throws Exception {
    List<TestFile> files = new ArrayList<>();
    for (String name : List.of("one.test", "two.test", "three.test")) {
      Files.writeString(dir.resolve(name), SCRIPT);
      files.add(new TestFile(name, ".", dir.resolve(name)));
    }
    // The holder keeps the named in-memory database open between files and owns a table that
    // must survive the cleanup.
    try (Connection holder = DriverManager.getConnection(URL);
        Statement statement = holder.createStatement()) {
      statement.execute("CREATE TABLE kept(x INTEGER)");
      FileIsolation isolation = FileIsolation.forUrl(URL);
      SuiteRunner runner =
          new SuiteRunner(isolation, "postgresql", new BatchQueryExecution(), 4, Duration.ZERO);
      assertEquals(1, runner.threads(), "a shared database runs one file at a time");

      List<FileResult> results = runner.run(files, r -> { });

      for (FileResult result : results) {
        assertEquals(4, result.passed(), result.toString());
        assertEquals(0, result.failed(), result.toString());
      }
      assertEquals(Set.of("kept"), userTables(holder));
    }
  }
}
