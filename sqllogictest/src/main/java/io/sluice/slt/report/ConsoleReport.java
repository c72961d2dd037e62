package io.sluice.slt.report;

import io.sluice.slt.run.Failure;
import io.sluice.slt.run.FileResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable output of a run: one line per file as it finishes, then the first
 * failures with their SQL, expected and actual output, then the totals line.
 */
public final class ConsoleReport {
  private final PrintWriter out;
  private final int maxFailuresShown;
  private final List<String> shown = new ArrayList<>();
  private int failuresNotShown;
  private Totals totals = Totals.EMPTY;

  /**
   * A report.
   *
   * @param out where to print
   * @param maxFailuresShown how many failures to print in full, over all files
   */
  public ConsoleReport(PrintWriter out, int maxFailuresShown) {
    this.out = out;
    this.maxFailuresShown = maxFailuresShown;
  }

  /** Prints a file's line and keeps its first failures for the end. */
  public void fileFinished(FileResult file) {
    totals = totals.plus(file);
    out.println(String.format(Locale.ROOT, "%-48s %7d passed %7d failed %7d skipped %9.1f s",
        file.name(), file.passed(), file.failed(), file.skipped(),
        file.durationMillis() / 1000.0));
    file.error().ifPresent(error -> out.println("    " + error));
    out.flush();
    for (Failure failure : file.failures()) {
      if (shown.size() < maxFailuresShown) {
        shown.add(describe(file.name(), failure));
      } else {
        failuresNotShown++;
      }
    }
  }

  /** Prints the kept failures and the totals line. */
  public void finish() {
    if (!shown.isEmpty()) {
      out.println();
      out.println("First failures:");
      shown.forEach(out::print);
      if (failuresNotShown > 0) {
        out.println("... and " + failuresNotShown + " more failures");
      }
      out.println();
    }
    out.println(totals.summaryLine());
    out.flush();
  }

  /** The totals so far. */
  public Totals totals() {
    return totals;
  }

  private static String describe(String file, Failure failure) {
    StringBuilder text = new StringBuilder();
    text.append('\n').append(file).append(':').append(failure.line()).append('\n');
    if (!failure.sql().isEmpty()) {
      text.append(indented("sql", failure.sql()));
    }
    text.append(indented("expected", failure.expected()));
    text.append(indented("actual", failure.actual()));
    return text.toString();
  }

  private static String indented(String heading, String body) {
    return "  " + heading + ":\n    " + body.replace("\n", "\n    ") + "\n";
  }
}
