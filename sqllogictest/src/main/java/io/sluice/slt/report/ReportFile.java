package io.sluice.slt.report;

import io.sluice.slt.run.FileResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON report of a run, rewritten after every file so that a long run stopped part way
 * keeps what it measured; and, for {@code --resume}, the files an earlier run already
 * finished. Thread-safe: files finish on several threads.
 */
public final class ReportFile {
  private final Path path;
  private final String url;
  private final String engine;
  /** Entries by mode, then by file path, in the order they came. */
  private final Map<String, Map<String, JsonReport.FileEntry>> entries = new LinkedHashMap<>();

  private ReportFile(Path path, String url, String engine) {
    this.path = path;
    this.url = url;
    this.engine = engine;
  }

  /** A new report: whatever the file holds is replaced at the first write. */
  public static ReportFile fresh(Path path, String url, String engine) {
    return new ReportFile(path, url, engine);
  }

  /** A report that goes on from what the file holds (nothing, if there is no file). */
  public static ReportFile resumed(Path path, String url, String engine) throws IOException {
    ReportFile r = new ReportFile(path, url, engine);
    for (Map.Entry<String, JsonReport> e : JsonReport.read(path).entrySet()) {
      Map<String, JsonReport.FileEntry> byPath = r.mode(e.getKey());
      for (JsonReport.FileEntry f : e.getValue().files()) {
        byPath.put(f.path(), f);
      }
    }
    return r;
  }

  /** The files this report has finished in a mode (ran to their end, or skipped whole). */
  public synchronized Set<String> finished(String mode) {
    return mode(mode).values().stream()
        .filter(JsonReport.FileEntry::complete)
        .map(JsonReport.FileEntry::path)
        .collect(Collectors.toSet());
  }

  /** The entries of a mode, as a report, including those of earlier runs. */
  public synchronized JsonReport report(String mode) {
    return JsonReport.of(mode, url, engine, List.copyOf(mode(mode).values()));
  }

  /** Adds (or replaces) a file's result and rewrites the report file. */
  public synchronized void add(String mode, FileResult result) {
    mode(mode).put(result.name(), JsonReport.FileEntry.of(result));
    try {
      write();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + path, e);
    }
  }

  /** Writes the report: one mode's report alone, or several by mode. */
  public synchronized void write() throws IOException {
    if (entries.size() == 1) {
      report(entries.keySet().iterator().next()).write(path);
      return;
    }
    Map<String, JsonReport> byMode = new LinkedHashMap<>();
    for (String mode : entries.keySet()) {
      byMode.put(mode, report(mode));
    }
    JsonReport.writeAll(byMode, path);
  }

  private Map<String, JsonReport.FileEntry> mode(String mode) {
    return entries.computeIfAbsent(mode, m -> new LinkedHashMap<>());
  }
}
