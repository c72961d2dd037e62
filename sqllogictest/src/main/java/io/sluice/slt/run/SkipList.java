package io.sluice.slt.run;

import io.sluice.slt.script.QueryRecord;
import io.sluice.slt.script.Record;
import io.sluice.slt.script.StatementRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Records the corpus has that test what Sluice deliberately lacks (SQLite's triggers, conflict
 * clauses, ...), each with the reason, read from {@code skip-list.txt}. A record whose SQL
 * matches an entry is skipped, as if a skipif line excluded it.
 */
public final class SkipList {
  /** A pattern on the SQL, or a file (and line) when {@code file} is set. */
  private record Entry(Pattern pattern, String file, int line, String reason) {}

  private final List<Entry> entries;

  private SkipList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The list shipped with the runner. */
  public static SkipList standard() {
    try (InputStream in = SkipList.class.getResourceAsStream("/io/sluice/slt/skip-list.txt")) {
      if (in == null) {
        throw new IllegalStateException("skip-list.txt is missing from the runner");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty list. */
  public static SkipList none() {
    return new SkipList(List.of());
  }

  /** Parses lines of {@code regex<TAB>reason}; blank lines and {@code #} comments are ignored. */
  public static SkipList parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new IllegalArgumentException("a skip-list line needs a pattern, a tab and a reason: "
            + line);
      }
      String what = line.substring(0, tab);
      String reason = line.substring(tab + 1).trim();
      if (what.startsWith("@")) {
        String place = what.substring(1);
        int colon = place.lastIndexOf(':');
        boolean hasLine = colon > 0 && place.substring(colon + 1).chars().allMatch(Character::isDigit);
        entries.add(new Entry(null, hasLine ? place.substring(0, colon) : place,
            hasLine ? Integer.parseInt(place.substring(colon + 1)) : 0, reason));
      } else {
        entries.add(new Entry(Pattern.compile(what, Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
            null, 0, reason));
      }
    }
    return new SkipList(entries);
  }

  /** Why a record of a file (its corpus path or file name) is skipped, or empty if it runs. */
  public Optional<String> reason(String file, Record record) {
    String sql = record instanceof StatementRecord s ? s.sql()
        : record instanceof QueryRecord q ? q.sql() : null;
    if (sql == null) {
      return Optional.empty();
    }
    for (Entry e : entries) {
      boolean matches = e.file() != null
          ? (file.equals(e.file()) || file.endsWith("/" + e.file()))
              && (e.line() == 0 || e.line() == record.line())
          : e.pattern().matcher(sql).find();
      if (matches) {
        return Optional.of(e.reason());
      }
    }
    return Optional.empty();
  }
}
