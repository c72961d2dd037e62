package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the SQL shell works as a script runner, run as its own process the way a user runs
 * it: {@code -e} and {@code -f} execute every statement (semicolons inside strings and
 * comments do not split statements), print results as aligned tables, exit 0 on success, and
 * stop at the first error with a non-zero exit code and an error text carrying the SQLSTATE,
 * leaving the statements before it committed and those after it not run.
 */
class ShellScriptTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  /** Runs the shell over {@code dataDir} with {@code args}; returns the finished process. */
  private static JavaProcess shell(Path dataDir, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    JavaProcess p = JavaProcess.start(JavaProcess.testClassPath(), dataDir.getParent(),
        "io.sluice.server.cli.Main", all);
    p.awaitExit(TIMEOUT);
    return p;
  }

  private static int exitCode(JavaProcess p) throws InterruptedException {
    return p.awaitExit(TIMEOUT);
  }

  @Test
  void executeOptionPrintsAnAlignedTableAndExitsZero(@TempDir Path dir) throws Exception {
    JavaProcess p = shell(dir.resolve("db"), "-e",
        "CREATE TABLE sh_t (id INTEGER PRIMARY KEY, name VARCHAR(12), score DECIMAL(5, 1));"
            + " INSERT INTO sh_t VALUES (1, 'ann', 9.5), (22, 'bartholomew', NULL),"
            + " (333, 'cy', 10.0);"
            + " SELECT id, name, score FROM sh_t ORDER BY id;");
    assertEquals(0, exitCode(p), p.log());
    assertAlignedTable(p.stdout(), List.of("id", "name", "score"),
        List.of(List.of("1", "ann", "9.5"), List.of("22", "bartholomew", "NULL"),
            List.of("333", "cy", "10.0")),
        Set.of(0, 2));
    assertTrue(p.stdout().contains("(3 rows"), p.stdout());
  }

  @Test
  void fileOptionRunsEveryStatementAndStopsAtTheFirstError(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("db");
    Path script = dir.resolve("script.sql");
    Files.writeString(script, String.join("\n",
        "-- a comment; with a semicolon",
        "CREATE TABLE sh_f (id INTEGER PRIMARY KEY, s VARCHAR(10));",
        "INSERT INTO sh_f VALUES (1, 'a;b'), /* c; d */ (2, 'it''s');",
        "SELECT s FROM sh_f WHERE id = 1;",
        "SELECT * FROM sh_nosuch;",
        "CREATE TABLE sh_after (id INTEGER);",
        "INSERT INTO sh_f VALUES (3, 'late');",
        ""));
    JavaProcess p = shell(db, "-f", script.toString());
    assertNotEquals(0, exitCode(p), p.log());
    assertTrue(p.stderr().contains("42P01"), "the error text should carry the SQLSTATE:\n"
        + p.log());
    assertTrue(p.stderr().contains("sh_nosuch"), p.log());
    assertAlignedTable(p.stdout(), List.of("s"), List.of(List.of("a;b")), Set.of());

    JavaProcess check = shell(db, "-e", "SELECT id, s FROM sh_f ORDER BY id;"
        + " SELECT COUNT(*) AS n FROM sh_after;");
    assertNotEquals(0, exitCode(check), "sh_after must not exist:\n" + check.log());
    assertAlignedTable(check.stdout(), List.of("id", "s"),
        List.of(List.of("1", "a;b"), List.of("2", "it's")), Set.of(0));
    assertTrue(check.stderr().contains("42P01") && check.stderr().contains("sh_after"),
        check.log());
  }

  @Test
  void syntaxErrorExitsNonZeroWithItsSqlState(@TempDir Path dir) throws Exception {
    JavaProcess p = shell(dir.resolve("db"), "-e", "SELECT 1 AS n; SELEKT 2; SELECT 3;");
    assertNotEquals(0, exitCode(p), p.log());
    assertTrue(p.stderr().contains("42601"), p.log());
    assertAlignedTable(p.stdout(), List.of("n"), List.of(List.of("1")), Set.of(0));
    assertTrue(!p.stdout().contains(" 3"), "nothing runs after the error:\n" + p.log());
  }

  /**
   * Finds the table with these column headers in {@code output} and checks it is aligned:
   * the header, the rule under it and every row put their column separators at the same
   * positions; each cell holds the expected text, right-aligned in numeric columns and
   * left-aligned in the others.
   */
  static void assertAlignedTable(String output, List<String> headers, List<List<String>> rows,
      Set<Integer> numericColumns) {
    List<String> lines = output.lines().toList();
    int h = -1;
    for (int i = 0; i < lines.size() - 1; i++) {
      if (cells(lines.get(i)).equals(headers) && lines.get(i + 1).matches("-[-+]*")) {
        h = i;
        break;
      }
    }
    assertTrue(h >= 0, "no table with columns " + headers + " in:\n" + output);
    String header = lines.get(h);
    List<Integer> bars = positions(header, '|');
    assertEquals(bars, positions(lines.get(h + 1), '+'), "rule under the header:\n" + output);
    for (int r = 0; r < rows.size(); r++) {
      String line = lines.get(h + 2 + r);
      List<String> expected = rows.get(r);
      List<Integer> rowBars = positions(line, '|');
      assertEquals(bars, rowBars.subList(0, Math.min(bars.size(), rowBars.size())),
          "separators of row " + r + " line up with the header:\n" + output);
      List<String> raw = rawCells(line, bars);
      for (int c = 0; c < expected.size(); c++) {
        String cell = raw.get(c);
        assertEquals(expected.get(c), cell.strip(), "row " + r + " column " + c + ":\n" + output);
        boolean last = c == expected.size() - 1;
        if (numericColumns.contains(c)) {
          assertTrue(last || cell.endsWith(expected.get(c) + " "),
              "numbers are right-aligned: '" + cell + "'\n" + output);
        } else {
          assertTrue(cell.startsWith(" " + expected.get(c)) || (c == 0
              && cell.startsWith(expected.get(c))), "text is left-aligned: '" + cell + "'\n"
              + output);
        }
      }
    }
    if (rows.size() > 0 && h + 2 + rows.size() < lines.size()) {
      assertTrue(lines.get(h + 2 + rows.size()).startsWith("("),
          "the row count follows the last row:\n" + output);
    }
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String c : line.split("\\|", -1)) {
      out.add(c.strip());
    }
    return out;
  }

  private static List<String> rawCells(String line, List<Integer> bars) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int b : bars) {
      out.add(line.substring(from, b));
      from = b + 1;
    }
    out.add(line.substring(Math.min(from, line.length())));
    return out;
  }

  private static List<Integer> positions(String line, char c) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == c) {
        out.add(i);
      }
    }
    return out;
  }
}
