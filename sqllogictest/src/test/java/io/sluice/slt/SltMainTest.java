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
  void incrementalModeIsRefusedUntilMaterializedViewsExist() throws Exception {
    assertEquals(SltMain.EXIT_USAGE, run("--mode", "incremental", checkScript()));
    assertTrue(err.toString().contains("materialized views"), err.toString());
    assertEquals(SltMain.EXIT_USAGE, run("--mode", "both", checkScript()));
  }

  @Test
  void unknownPathIsAUsageError() {
    assertEquals(SltMain.EXIT_USAGE, run("no/such/file.test"));
    assertTrue(err.toString().contains("no/such/file.test"), err.toString());
  }
}
