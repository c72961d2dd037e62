package io.sluice.slt.run;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The digests seen for each query label in one file. As in SQLite's runner, the first query
 * with a label fixes its digest (its actual result, or its expected one if skipif/onlyif skipped
 * it) and every later query with that label must produce the same digest.
 */
final class LabelRegistry {
  private record Seen(String digest, int line) {}

  private final Map<String, Seen> seen = new HashMap<>();

  /**
   * Records the digest for a label, or checks it against the first one.
   *
   * @return the line of the earlier query it disagrees with, or empty if it agrees (or is first)
   */
  Optional<Integer> check(String label, String digest, int line) {
    Seen first = seen.putIfAbsent(label, new Seen(digest, line));
    if (first == null || first.digest().equals(digest)) {
      return Optional.empty();
    }
    return Optional.of(first.line());
  }
}
