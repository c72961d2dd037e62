package io.sluice.slt.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.slt.run.Failure;
import io.sluice.slt.run.FileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
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
      long durationMs, String error, List<Failure> failures) {

    /** The entry of a file that ran. */
    public static FileEntry of(FileResult r) {
      return new FileEntry(r.name(), r.folder(), r.passed(), r.failed(), r.skipped(),
          r.durationMillis(), r.error().orElse(null), r.failures());
    }

    /**
     * Whether a resumed run may keep this entry instead of running the file again: it ran to
     * its end (no error), or was skipped as a whole.
     */
    public boolean complete() {
      return error == null || error.startsWith("skipped:");
    }
  }

  /** The report of these file entries, with their totals. */
  public static JsonReport of(String mode, String url, String engine, List<FileEntry> files) {
    Totals totals = Totals.EMPTY;
    Map<String, Totals> folders = new TreeMap<>();
    for (FileEntry f : files) {
      Totals one = Totals.of(f);
      totals = totals.plus(one);
      folders.merge(f.folder(), one, Totals::plus);
    }
    return new JsonReport(mode, url, engine, totals, folders, List.copyOf(files));
  }

  /**
   * Reads a report {@link #write} or {@link #writeAll} wrote, by mode; empty if the file does
   * not exist.
   */
  public static Map<String, JsonReport> read(Path path) throws IOException {
    Map<String, JsonReport> out = new LinkedHashMap<>();
    if (!Files.exists(path)) {
      return out;
    }
    ObjectMapper mapper = mapper();
    JsonNode root = mapper.readTree(path.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(path + " is not a report of sluice slt");
    }
    if (root.has("files")) {
      JsonReport one = mapper.treeToValue(root, JsonReport.class);
      out.put(one.mode(), one);
    } else {
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        out.put(e.getKey(), mapper.treeToValue(e.getValue(), JsonReport.class));
      }
    }
    return out;
  }

  /** Writes the reports of several modes as one JSON object, by mode. */
  public static void writeAll(Map<String, JsonReport> byMode, Path path) throws IOException {
    writeAtomically(byMode, path);
  }

  /** Writes the report as indented JSON. */
  public void write(Path path) throws IOException {
    writeAtomically(this, path);
  }

  /**
   * Writes to a file beside the report and moves it into place, so that a run killed while
   * writing leaves the previous report whole.
   */
  private static void writeAtomically(Object value, Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), value);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
