package io.sluice.slt.result;

import io.sluice.slt.script.SortMode;
import java.util.List;

/**
 * A query's actual output in the form a test file writes it.
 *
 * @param values the formatted values after sorting
 * @param digest the MD5 of those values (what labels compare)
 * @param lines what the test file must contain after {@code ----}: the values, or the single
 *     hash line when there are more values than the hash threshold
 */
public record QueryOutput(List<String> values, String digest, List<String> lines) {

  public QueryOutput {
    values = List.copyOf(values);
    lines = List.copyOf(lines);
  }

  /**
   * The output of a result.
   *
   * @param rawValues formatted values row after row, in the order the database returned them
   * @param columns values per row
   * @param mode the query's sort mode
   * @param hashThreshold results with more values are hashed; 0 never hashes
   */
  public static QueryOutput of(List<String> rawValues, int columns, SortMode mode,
      int hashThreshold) {
    List<String> sorted = ResultSorter.sort(rawValues, columns, mode);
    String digest = ResultHash.md5(sorted);
    boolean hashed = hashThreshold > 0 && sorted.size() > hashThreshold;
    List<String> lines = hashed ? List.of(ResultHash.hashLine(sorted.size(), digest))
        : sorted;
    return new QueryOutput(sorted, digest, lines);
  }
}
