package io.sluice.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.slt.corpus.TestFile;
import io.sluice.slt.corpus.TestFileResolver;
import io.sluice.slt.run.BatchQueryExecution;
import io.sluice.slt.run.FileIsolation;
import io.sluice.slt.run.FileResult;
import io.sluice.slt.run.IncrementalQueryExecution;
import io.sluice.slt.run.QueryExecution;
import io.sluice.slt.run.SuiteRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus files CI runs, on {@code jdbc:sluice:mem:}, in the modes {@code
 * conformance-baseline.txt} names, each checked against the counts there: a drop in passed
 * records or a rise in failures fails the build, and the failures are printed. All files of a
 * mode run in one suite, two at a time, as {@code bin/sluice slt --threads 2} would.
 */
class CorpusConformanceTest {
  private record Baseline(String path, String mode, int passed, int failed, int skipped) {}

  @TestFactory
  List<DynamicTest> corpusKeepsItsBaseline() throws Exception {
    Map<String, List<Baseline>> byMode = new LinkedHashMap<>();
    for (Baseline b : baselines()) {
      byMode.computeIfAbsent(b.mode(), m -> new ArrayList<>()).add(b);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, List<Baseline>> e : byMode.entrySet()) {
      Map<Baseline, List<TestFile>> files = new LinkedHashMap<>();
      List<TestFile> all = new ArrayList<>();
      for (Baseline b : e.getValue()) {
        List<TestFile> f = new TestFileResolver().resolve(b.path());
        files.put(b, f);
        all.addAll(f);
      }
      SuiteRunner runner = new SuiteRunner(FileIsolation.forUrl("jdbc:sluice:mem:"),
          "postgresql", execution(e.getKey()), 2, Duration.ofMinutes(2));
      Map<String, FileResult> results = new LinkedHashMap<>();
      for (FileResult r : runner.run(all, r -> { })) {
        results.put(r.name(), r);
      }
      for (Map.Entry<Baseline, List<TestFile>> f : files.entrySet()) {
        Baseline b = f.getKey();
        List<FileResult> mine = f.getValue().stream().map(t -> results.get(t.name())).toList();
        tests.add(DynamicTest.dynamicTest(b.path() + " (" + b.mode() + ")",
            () -> check(b, mine)));
      }
    }
    return tests;
  }

  private static QueryExecution execution(String mode) {
    return switch (mode) {
      case "batch" -> new BatchQueryExecution();
      case "incremental" -> new IncrementalQueryExecution();
      default -> throw new IllegalArgumentException("unknown mode " + mode
          + " in conformance-baseline.txt");
    };
  }

  private static void check(Baseline b, List<FileResult> results) {
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
    String summary = b.path() + " (" + b.mode() + "): " + passed + " passed, " + failed
        + " failed, " + skipped + " skipped (baseline " + b.passed() + "/" + b.failed() + "/"
        + b.skipped() + ")";
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
