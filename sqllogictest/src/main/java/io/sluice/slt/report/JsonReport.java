package io.sluice.slt.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.slt.run.Failure;
import io.sluice.slt.run.FileResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable report: the run's settings, totals, totals per folder, and per file its
 * counts, duration and failures (line, SQL, expected, actual).
 *
 * @param mode the mode the files ran in ({@code batch} or {@code incremental})
 * @param url the JDBC URL
 * @param engine the engine name skipif/onlyif compared with
 * @param totals totals over all files
 * @param folders totals per folder, by folder name
 * @param files one entry per file, in the order given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonReport(String mode, String url, String engine, Totals totals,
    Map<String, Totals> folders, List<FileEntry> files) {

  /**
   * One file in the report.
   *
   * @param path the file's name
   * @param folder its folder
   * @param passed records that passed
   * @param failed records that failed
   * @param skipped records skipped
   * @param durationMs wall-clock time
   * @param error why the file could not run or be cleaned up after, or null
   * @param failures its failures
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileEntry(String path, String folder, int passed, int failed, int skipped,
      long durationMs, String error, List<Failure> failures) {}

  /** The report of a run. */
  public static JsonReport of(String mode, String url, String engine, List<FileResult> results) {
    Totals totals = Totals.EMPTY;
    Map<String, Totals> folders = new TreeMap<>();
    for (FileResult result : results) {
      totals = totals.plus(result);
      folders.merge(result.folder(), Totals.EMPTY.plus(result), JsonReport::sum);
    }
    List<FileEntry> files = results.stream()
        .map(r -> new FileEntry(r.name(), r.folder(), r.passed(), r.failed(), r.skipped(),
            r.durationMillis(), r.error().orElse(null), r.failures()))
        .toList();
    return new JsonReport(mode, url, engine, totals, folders, files);
  }

  private static Totals sum(Totals a, Totals b) {
    return new Totals(a.files() + b.files(), a.passed() + b.passed(), a.failed() + b.failed(),
        a.skipped() + b.skipped(), a.durationMs() + b.durationMs());
  }

  /** Writes the reports of several modes as one JSON object, by mode. */
  public static void writeAll(Map<String, JsonReport> byMode, Path path) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(),
        byMode);
  }

  /** Writes the report as indented JSON. */
  public void write(Path path) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), this);
  }
}
