package io.sluice.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.corpus.TestFileResolver;
import io.sluice.slt.run.BatchQueryExecution;
import io.sluice.slt.run.FileIsolation;
import io.sluice.slt.run.FileResult;
import io.sluice.slt.run.SuiteRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus files CI runs, on {@code jdbc:sluice:mem:}, each checked against the counts in
 * {@code conformance-baseline.txt}: a drop in passed records or a rise in failures fails the
 * build, and the failures are printed.
 */
class CorpusConformanceTest {
  private record Baseline(String path, String mode, int passed, int failed, int skipped) {}

  @TestFactory
  List<DynamicTest> corpusKeepsItsBaseline() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Baseline b : baselines()) {
      tests.add(DynamicTest.dynamicTest(b.path() + " (" + b.mode() + ")", () -> check(b)));
    }
    return tests;
  }

  private static void check(Baseline b) throws Exception {
    assertEquals("batch", b.mode(), "only batch mode exists so far");
    List<TestFile> files = new TestFileResolver().resolve(b.path());
    SuiteRunner runner = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
        "postgresql", new BatchQueryExecution(), 2, Duration.ofMinutes(2));
    List<FileResult> results = runner.run(files, r -> { });
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    for (FileResult r : results) {
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
      r.failures().stream().limit(3).forEach(f -> failures.add(r.name() + ": " + f));
      r.error().ifPresent(e -> failures.add(r.name() + ": " + e));
    }
    String summary = b.path() + ": " + passed + " passed, " + failed + " failed, " + skipped
        + " skipped (baseline " + b.passed() + "/" + b.failed() + "/" + b.skipped() + ")";
    assertTrue(passed >= b.passed() && failed <= b.failed(),
        summary + "; first failures:\n" + String.join("\n", failures));
  }

  private static List<Baseline> baselines() throws Exception {
    List<Baseline> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CorpusConformanceTest.class.getResourceAsStream("/conformance-baseline.txt"),
        StandardCharsets.UTF_8))) {
      for (String line : r.lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        out.add(new Baseline(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
            Integer.parseInt(f[4])));
      }
    }
    return out;
  }
}
