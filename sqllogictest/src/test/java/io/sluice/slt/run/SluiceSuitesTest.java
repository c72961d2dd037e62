package io.sluice.slt.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.corpus.TestFileResolver;
import io.sluice.slt.script.Directive;
import io.sluice.slt.script.DirectiveRecord;
import io.sluice.slt.script.Script;
import io.sluice.slt.script.ScriptParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice's own suites ({@code src/test/resources/sluice}), which checkpoint, restart and
 * SIGKILL real server processes under their materialized views, and the directives' machinery
 * itself: a kill is a real SIGKILL of a real process, and a wrong expectation after one fails.
 */
class SluiceSuitesTest {
  private static final String MEMORY = "jdbc:sluice:mem:";

  private static Path suites() throws Exception {
    return Path.of(SluiceSuitesTest.class.getResource("/sluice").toURI());
  }

  private static SuiteRunner runner(String url) {
    return new SuiteRunner(FileIsolation.forUrl(url), "postgresql", new BatchQueryExecution(),
        2, Duration.ofSeconds(120));
  }

  private static Script parse(TestFile file) throws Exception {
    return ScriptParser.parse(file.name(), file.read());
  }

  private static int countedRecords(Script script) {
    return (int) script.records().stream().filter(ScriptRunner::counts).count();
  }

  @Test
  void everySuiteComesBackRightAfterRestartsAndKills() throws Exception {
    List<TestFile> files = new TestFileResolver().resolve(suites().toString());
    assertTrue(files.size() >= 6, "the suites: " + files);
    Set<Directive> used = EnumSet.noneOf(Directive.class);
    int mostKills = 0;
    for (TestFile file : files) {
      Script script = parse(file);
      used.addAll(script.directives());
      int kills = (int) script.records().stream().filter(r -> r instanceof DirectiveRecord d
          && d.directive() == Directive.KILL).count();
      mostKills = Math.max(mostKills, kills);
    }
    assertEquals(EnumSet.allOf(Directive.class), used, "the suites use every directive");
    assertTrue(mostKills >= 5, "one suite kills the server again and again: " + mostKills);

    List<FileResult> results = runner(MEMORY).run(files, result -> {});
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileResult result = results.get(i);
      int records = countedRecords(parse(files.get(i)));
      if (result.failed() != 0 || result.error().isPresent() || result.passed() != records) {
        problems.add(result.name() + ": " + result.passed() + " of " + records + " passed, "
            + result.failed() + " failed, " + result.error().orElse("") + " "
            + result.failures());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aWrongExpectationAfterAKillFailsAndTheRestGoesOn(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("wrong.slt");
    Files.writeString(script, String.join("\n",
        "statement ok",
        "CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)",
        "",
        "statement ok",
        "CREATE MATERIALIZED VIEW s AS SELECT SUM(v) AS total FROM t",
        "",
        "statement ok",
        "INSERT INTO t VALUES (1, 2), (2, 3)",
        "",
        "sluice kill",
        "",
        "query I nosort",
        "SELECT * FROM s",
        "----",
        "6",
        "",
        "sluice wait fresh",
        "",
        "query I nosort",
        "SELECT * FROM s",
        "----",
        "5",
        ""));
    FileResult result = runner(MEMORY).runFile(new TestFile("wrong.slt", ".", script));
    assertEquals(Optional.empty(), result.error());
    assertEquals(1, result.failed(), result.failures().toString());
    assertEquals(12, result.failures().get(0).line());
    assertEquals("5", result.failures().get(0).actual());
    assertEquals(6, result.passed());
  }

  @Test
  void killIsASigkillOfTheServerProcessAndDataSurvivesIt() throws Exception {
    Path dataDir;
    try (ServerProcess server = ServerProcess.start()) {
      dataDir = server.dataDir();
      execute(server.connection(), "CREATE TABLE t (k INTEGER PRIMARY KEY)");
      execute(server.connection(), "INSERT INTO t VALUES (1), (2), (3)");
      long first = server.pid();

      server.kill();
      assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false),
          "the first server is gone");
      long second = server.pid();
      assertNotEquals(first, second);
      assertEquals(3, count(server.connection()));
      execute(server.connection(), "INSERT INTO t VALUES (4)");

      server.restart();
      assertFalse(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false),
          "the second server is gone");
      assertEquals(4, count(server.connection()));
      assertTrue(Files.isDirectory(dataDir));
    }
    assertFalse(Files.exists(dataDir), "closing deletes the data directory");
  }

  @Test
  void filesThatRestartOrKillAreSkippedOnADatabaseTheRunnerDoesNotOwn() throws Exception {
    TestFile file = new TestFileResolver().resolve(suites().resolve("aggregates.slt")
        .toString()).get(0);
    FileResult result = runner("jdbc:sluice:mem:shared_slt_check").runFile(file);
    assertEquals(0, result.failed(), result.toString());
    assertEquals(0, result.passed());
    assertEquals(countedRecords(parse(file)), result.skipped());
    assertTrue(result.error().orElse("").startsWith("skipped: sluice restart and sluice kill"),
        result.toString());
  }

  @Test
  void waitFreshRunsOnAnInMemoryDatabase(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("fresh.slt");
    Files.writeString(script, String.join("\n",
        "statement ok",
        "CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)",
        "",
        "statement ok",
        "CREATE MATERIALIZED VIEW m AS SELECT MAX(v) AS hi FROM t",
        "",
        "statement ok",
        "SET view_reads = committed",
        "",
        "statement ok",
        "INSERT INTO t VALUES (1, 7), (2, 9)",
        "",
        "sluice wait fresh",
        "",
        "query I nosort",
        "SELECT * FROM m",
        "----",
        "9",
        ""));
    FileResult result = runner(MEMORY).runFile(new TestFile("fresh.slt", ".", script));
    assertEquals(Optional.empty(), result.error());
    assertEquals(List.of(), result.failures());
    assertEquals(6, result.passed());
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private static long count(Connection connection) throws Exception {
    try (Statement st = connection.createStatement();
        ResultSet rows = st.executeQuery("SELECT COUNT(*) FROM t")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
