package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.Query;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans every query of {@code golden/queries.sql} against {@link TestCatalog} and compares the
 * EXPLAIN text with {@code golden/plans.txt}. A plan change shows as a diff of that file: run
 * with {@code -Dsluice.golden.update=true} to rewrite it, then review the diff.
 */
class PlanGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden");

  @Test
  void plansMatchGoldenFile() throws IOException {
    String queries = Files.readString(DIR.resolve("queries.sql"), StandardCharsets.UTF_8);
    StringBuilder actual = new StringBuilder();
    SluicePlanner planner = new SluicePlanner();
    for (String sql : blocks(queries)) {
      actual.append("=== ").append(sql).append('\n');
      actual.append(planner.explain(((Query) SluiceParser.parse(sql)).node(), new TestCatalog()));
      actual.append('\n');
    }
    Path golden = DIR.resolve("plans.txt");
    if (Boolean.getBoolean("sluice.golden.update")) {
      Files.writeString(golden, actual.toString(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual.toString(),
        "plans changed; rerun with -Dsluice.golden.update=true and review the diff");
  }

  private static List<String> blocks(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("--")) {
        continue;
      }
      if (line.isBlank()) {
        if (cur.length() > 0) {
          out.add(cur.toString().trim());
          cur.setLength(0);
        }
      } else {
        cur.append(line).append('\n');
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString().trim());
    }
    return out;
  }
}
