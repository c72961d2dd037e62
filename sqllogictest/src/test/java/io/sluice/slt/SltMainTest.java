package io.sluice.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SltMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = SltMain.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static String checkScript() throws Exception {
    return Path.of(SltMainTest.class.getResource("/slt/runner-check.test").toURI()).toString();
  }

  private List<String> outputLines() {
    return out.toString().lines().toList();
  }

  @Test
  void failingRunExitsOneAndEndsWithTheTotals(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    int exit = run("--max-failures-shown", "2", "--report", report.toString(), checkScript());

    assertEquals(SltMain.EXIT_FAILURES, exit, err.toString());
    List<String> lines = outputLines();
    assertEquals("10 passed, 7 failed, 2 skipped", lines.get(lines.size() - 1));
    assertTrue(out.toString().contains("INSERT INTO no_such_table VALUES(1)"), out.toString());
    assertTrue(out.toString().contains("... and 5 more failures"), out.toString());

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(7, json.path("totals").path("failed").asInt());
    JsonNode file = json.path("files").get(0);
    assertEquals(10, file.path("passed").asInt());
    assertEquals(7, file.path("failures").size());
    JsonNode failure = file.path("failures").get(2);
    assertEquals("1\n2\n4", failure.path("expected").asText());
    assertEquals("1\n2\n3", failure.path("actual").asText());
    assertTrue(failure.path("line").asInt() > 0);
    String folder = file.path("folder").asText();
    assertEquals(10, json.path("folders").path(folder).path("passed").asInt());
  }

  @Test
  void passingRunExitsZero(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("ok.test");
    Files.writeString(script, "statement ok\nCREATE TABLE t(x INTEGER)\n\n"
        + "query I nosort\nSELECT COUNT(*) FROM t\n----\n0\n");
    assertEquals(0, run(script.toString()), out + "\n" + err);
    List<String> lines = outputLines();
    assertEquals("2 passed, 0 failed, 0 skipped", lines.get(lines.size() - 1));
  }

  @Test
  void bothModesRunEveryQueryAsAdHocSelectAndAsMaterializedView(@TempDir Path dir)
      throws Exception {
    Path script = dir.resolve("views.test");
    Files.writeString(script, String.join("\n",
        "statement ok",
        "CREATE TABLE t(x INTEGER, y VARCHAR(5))",
        "",
        "statement ok",
        "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'a')",
        "",
        "query IT nosort",
        "SELECT x, y FROM t WHERE x > 1 ORDER BY x DESC",
        "----",
        "3",
        "a",
        "2",
        "b",
        "",
        "statement ok",
        "DELETE FROM t WHERE x = 3",
        "",
        "query TI rowsort",
        "SELECT y, COUNT(*) FROM t GROUP BY y",
        "----",
        "a",
        "1",
        "b",
        "1",
        "",
        "statement ok",
        "DROP TABLE t",
        "",
        "statement ok",
        "CREATE TABLE t(x INTEGER)",
        "",
        "statement ok",
        "INSERT INTO t VALUES (7)",
        "",
        "query I nosort",
        "SELECT SUM(x) FROM t",
        "----",
        "7",
        ""));
    Path report = dir.resolve("report.json");
    assertEquals(0, run("--mode", "both", "--report", report.toString(), script.toString()),
        out + "\n" + err);
    List<String> lines = outputLines();
    assertTrue(lines.contains("== batch =="), out.toString());
    assertTrue(lines.contains("== incremental =="), out.toString());
    assertEquals("18 passed, 0 failed, 0 skipped", lines.get(lines.size() - 1));
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(9, json.path("batch").path("totals").path("passed").asInt());
    assertEquals("incremental", json.path("incremental").path("mode").asText());
    assertEquals(9, json.path("incremental").path("totals").path("passed").asInt());
  }

  @Test
  void incrementalModeFailsAQueryThatCannotBeAView(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("bad.test");
    Files.writeString(script, "statement ok\nCREATE TABLE t(x INTEGER)\n\n"
        + "query I nosort\nSELECT x FROM t WHERE x = ?\n----\n");
    assertEquals(SltMain.EXIT_FAILURES, run("--mode", "incremental", script.toString()));
    assertTrue(out.toString().contains("cannot be a materialized view"), out.toString());
  }

  @Test
  void unknownPathIsAUsageError() {
    assertEquals(SltMain.EXIT_USAGE, run("no/such/file.test"));
    assertTrue(err.toString().contains("no/such/file.test"), err.toString());
  }

  private static Path okScript(Path dir, String name, int rows) throws Exception {
    Path script = dir.resolve(name);
    Files.writeString(script, "statement ok\nCREATE TABLE t(x INTEGER)\n\n"
        + "statement ok\nINSERT INTO t VALUES (1)\n\n"
        + "query I nosort\nSELECT COUNT(*) FROM t\n----\n" + rows + "\n");
    return script;
  }

  private static JsonNode entry(JsonNode modeReport, String fileName) {
    for (JsonNode f : modeReport.path("files")) {
      if (f.path("path").asText().endsWith(fileName)) {
        return f;
      }
    }
    return null;
  }

  @Test
  void aResumedRunSkipsTheFilesItsReportFinishedAndRerunsTheOthers(@TempDir Path dir)
      throws Exception {
    Path a = okScript(dir, "a.test", 1);
    Path b = okScript(dir, "b.test", 1);
    Path c = okScript(dir, "c.test", 2); // fails: one row, not two
    Path report = dir.resolve("report.json");
    assertEquals(SltMain.EXIT_FAILURES,
        run("--mode", "both", "--report", report.toString(), a.toString(), c.toString()),
        out + "\n" + err);

    // Mark a's batch entry, and make c's look like a file a timeout ended: a resumed run must
    // keep the first and run c again.
    ObjectMapper mapper = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode json =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(report.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) entry(json.path("batch"), "a.test"))
        .put("durationMs", 987654321L);
    ((com.fasterxml.jackson.databind.node.ObjectNode) entry(json.path("incremental"), "c.test"))
        .put("error", "timed out");
    mapper.writeValue(report.toFile(), json);

    out.getBuffer().setLength(0);
    assertEquals(SltMain.EXIT_FAILURES, run("--mode", "both", "--resume", "--report",
        report.toString(), a.toString(), b.toString(), c.toString()), out + "\n" + err);
    String printed = out.toString();
    assertTrue(printed.contains("2 of 3 files are in " + report + " already"), printed);
    assertTrue(printed.contains("1 of 3 files are in " + report + " already"), printed);
    assertTrue(!printed.contains("a.test"), "a.test ran again:\n" + printed);

    JsonNode after = mapper.readTree(report.toFile());
    for (String mode : List.of("batch", "incremental")) {
      JsonNode m = after.path(mode);
      assertEquals(3, m.path("files").size(), mode + ": " + m);
      assertEquals(3, m.path("totals").path("files").asInt());
      assertEquals(1, m.path("totals").path("failed").asInt(), mode + ": only c fails");
      assertEquals(8, m.path("totals").path("passed").asInt(),
          mode + ": a and b pass 3 records each, c 2 (its query fails)");
    }
    assertEquals(987654321L, entry(after.path("batch"), "a.test").path("durationMs").asLong());
    assertTrue(entry(after.path("incremental"), "c.test").path("error").isMissingNode(),
        "c ran again to its end: " + entry(after.path("incremental"), "c.test"));
  }

  @Test
  void aOneModeReportResumesToo(@TempDir Path dir) throws Exception {
    Path a = okScript(dir, "a.test", 1);
    Path report = dir.resolve("batch.json");
    assertEquals(0, run("--report", report.toString(), a.toString()), out + "\n" + err);
    out.getBuffer().setLength(0);
    assertEquals(0, run("--resume", "--report", report.toString(), a.toString()),
        out + "\n" + err);
    assertTrue(out.toString().contains("1 of 1 files are in " + report + " already"),
        out.toString());
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals("batch", json.path("mode").asText(), "still a one-mode report: " + json);
    assertEquals(1, json.path("files").size());
    assertEquals(3, json.path("totals").path("passed").asInt());
  }

  @Test
  void resumeNeedsAReport(@TempDir Path dir) throws Exception {
    assertEquals(SltMain.EXIT_USAGE, run("--resume", okScript(dir, "a.test", 1).toString()));
    assertTrue(err.toString().contains("--resume needs --report"), err.toString());
  }
}
