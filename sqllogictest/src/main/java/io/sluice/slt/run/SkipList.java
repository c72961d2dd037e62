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
 *
 * <p>An entry written {@code sqlstate=XXXXX <regex>} does not keep a record from running: a
 * {@code statement ok} whose SQL matches and that fails with exactly that SQLSTATE counts as
 * skipped instead of failed. It is for SQLite accepting what SQL refuses in a way only the
 * outcome shows (dropping a view that another view reads: the SQL does not say whether one
 * does); the SQLSTATE is the engine's own word that the refusal is that one and no other.
 */
public final class SkipList {
  /**
   * A pattern on the SQL, or a file (and line) when {@code file} is set; with {@code sqlState},
   * a pattern that applies only to a statement failing with that SQLSTATE.
   */
  private record Entry(Pattern pattern, String file, int line, String sqlState, String reason) {}

  private static final String SQLSTATE_PREFIX = "sqlstate=";

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
            hasLine ? Integer.parseInt(place.substring(colon + 1)) : 0, null, reason));
      } else if (what.startsWith(SQLSTATE_PREFIX)) {
        int space = what.indexOf(' ');
        if (space != SQLSTATE_PREFIX.length() + 5) {
          throw new IllegalArgumentException(
              "a sqlstate= entry needs a five-character SQLSTATE, a space and a pattern: " + line);
        }
        entries.add(new Entry(pattern(what.substring(space + 1)), null, 0,
            what.substring(SQLSTATE_PREFIX.length(), space), reason));
      } else {
        entries.add(new Entry(pattern(what), null, 0, null, reason));
      }
    }
    return new SkipList(entries);
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  /**
   * Why a {@code statement ok} that failed with this SQLSTATE counts as skipped, or empty if it
   * counts as failed.
   */
  public Optional<String> reasonForFailure(StatementRecord statement, String sqlState) {
    if (statement.expectError() || sqlState == null) {
      return Optional.empty();
    }
    for (Entry e : entries) {
      if (sqlState.equals(e.sqlState()) && e.pattern().matcher(statement.sql()).find()) {
        return Optional.of(e.reason());
      }
    }
    return Optional.empty();
  }

  /** Why a record of a file (its corpus path or file name) is skipped, or empty if it runs. */
  public Optional<String> reason(String file, Record record) {
    String sql = record instanceof StatementRecord s ? s.sql()
        : record instanceof QueryRecord q ? q.sql() : null;
    if (sql == null) {
      return Optional.empty();
    }
    for (Entry e : entries) {
      if (e.sqlState() != null) {
        continue;
      }
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
