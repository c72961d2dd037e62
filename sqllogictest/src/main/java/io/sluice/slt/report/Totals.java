package io.sluice.slt.report;

import io.sluice.slt.run.FileResult;

/**
 * Counts added up over several files.
 *
 * @param files how many files
 * @param passed records that passed
 * @param failed records that failed
 * @param skipped records skipped by skipif/onlyif
 * @param durationMs the files' durations added up (more than wall-clock time with threads)
 */
public record Totals(int files, int passed, int failed, int skipped, long durationMs) {

  /** No files. */
  public static final Totals EMPTY = new Totals(0, 0, 0, 0, 0);

  /** These totals with one more file. */
  public Totals plus(FileResult file) {
    return new Totals(files + 1, passed + file.passed(), failed + file.failed(),
        skipped + file.skipped(), durationMs + file.durationMillis());
  }

  /** The totals of one file of a report. */
  public static Totals of(JsonReport.FileEntry file) {
    return new Totals(1, file.passed(), file.failed(), file.skipped(), file.durationMs());
  }

  /** These totals plus others. */
  public Totals plus(Totals o) {
    return new Totals(files + o.files, passed + o.passed, failed + o.failed,
        skipped + o.skipped, durationMs + o.durationMs);
  }

  /** The line that ends a run's output; its format is stable so scripts can read it. */
  public String summaryLine() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
