package io.sluice.slt.run;

import java.util.List;
import java.util.Optional;

/**
 * What running one test file gave.
 *
 * @param name the file's name in reports
 * @param folder the folder its totals are added to
 * @param passed statement and query records that behaved as expected
 * @param failed statement and query records that did not pass: failures, malformed records, and
 *     those a timeout kept from running (so it may exceed {@code failures.size()})
 * @param skipped records that skipif/onlyif excluded
 * @param durationMillis wall-clock time for the file
 * @param failures the failed records, in file order
 * @param error why the file could not run at all (unreadable, no database), ended early (a
 *     timeout), could not be cleaned up after, or was skipped as a whole (starting with
 *     {@code skipped:}), if so
 */
public record FileResult(String name, String folder, int passed, int failed, int skipped,
    long durationMillis, List<Failure> failures, Optional<String> error) {

  public FileResult {
    failures = List.copyOf(failures);
  }

  /**
   * A file that was not run at all, for a reason that is not a failure (it needs what this run
   * cannot give it): its statements, queries and directives count as skipped.
   */
  public static FileResult skippedFile(String name, String folder, long durationMillis,
      int records, String reason) {
    return new FileResult(name, folder, 0, 0, records, durationMillis, List.of(),
        Optional.of(reason));
  }

  /** A file that could not run; it counts as one failure so that the run fails. */
  public static FileResult unrunnable(String name, String folder, long durationMillis,
      String error) {
    return new FileResult(name, folder, 0, 1, 0, durationMillis, List.of(),
        Optional.of(error));
  }
}
