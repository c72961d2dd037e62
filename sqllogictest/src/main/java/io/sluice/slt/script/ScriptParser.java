package io.sluice.slt.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses the sqllogictest format as SQLite's reference runner ({@code sqllogictest.c}) reads it:
 * records separated by blank lines; the first line of a record split into up to four
 * white-space separated words; {@code skipif}/{@code onlyif} lines in front of a record; SQL
 * lines joined by newlines; a query's SQL ending at {@code ----} or a blank line; expected
 * output lines kept verbatim. Records starting with {@code sluice} are Sluice's own extensions
 * ({@link Directive}); SQLite's runner would reject them as unknown record types.
 */
public final class ScriptParser {
  private static final int HEADER_WORDS = 4;
  /** The first word of Sluice's extension records ({@link Directive}). */
  public static final String DIRECTIVE_PREFIX = "sluice";

  private ScriptParser() {}

  /** Parses the text of a test file that reports will call {@code name}. */
  public static Script parse(String name, String text) {
    ScriptLines lines = new ScriptLines(text);
    List<Record> records = new ArrayList<>();
    while (lines.toStartOfNextRecord()) {
      records.add(parseRecord(lines));
    }
    return new Script(name, records);
  }

  private static Record parseRecord(ScriptLines lines) {
    List<Condition> conditions = new ArrayList<>();
    String[] words = header(lines.current());
    while (words[0].equals("skipif") || words[0].equals("onlyif")) {
      conditions.add(new Condition(words[0].equals("onlyif"), words[1]));
      lines.advance();
      words = header(lines.current());
    }
    int line = lines.lineNumber();
    return switch (words[0]) {
      case "statement" -> statement(lines, line, conditions, words[1]);
      case "query" -> query(lines, line, conditions, words);
      case "hash-threshold" -> new HashThresholdRecord(line, conditions, leadingInt(words[1]));
      case "halt" -> new HaltRecord(line, conditions);
      case DIRECTIVE_PREFIX -> directive(lines, line, conditions);
      default -> new MalformedRecord(line, conditions,
          "unknown record type: '" + words[0] + "'", true);
    };
  }

  /**
   * {@code sluice <words>}: one line, nothing else in the record. An unknown directive, or a
   * record with more lines (a forgotten blank line would swallow the next record), is malformed
   * and ends the file, like an unknown record type.
   */
  private static Record directive(ScriptLines lines, int line, List<Condition> conditions) {
    String words = lines.current().strip().substring(DIRECTIVE_PREFIX.length());
    Optional<Directive> directive = Directive.of(words);
    if (directive.isEmpty()) {
      return new MalformedRecord(line, conditions,
          "unknown sluice directive: '" + words.strip() + "'", true);
    }
    if (!lines.nextIsBlank() && lines.advance() && !lines.current().isEmpty()) {
      return new MalformedRecord(line, conditions, "a sluice directive is a record of one"
          + " line; a blank line must follow it, not '" + lines.current() + "'", true);
    }
    return new DirectiveRecord(line, conditions, directive.get());
  }

  private static Record statement(ScriptLines lines, int line, List<Condition> conditions,
      String outcome) {
    String sql = statementSql(lines);
    return switch (outcome) {
      case "ok" -> new StatementRecord(line, conditions, false, sql);
      case "error" -> new StatementRecord(line, conditions, true, sql);
      default -> new MalformedRecord(line, conditions,
          "statement argument should be 'ok' or 'error', not '" + outcome + "'", false);
    };
  }

  /** A statement's SQL runs to the end of the record. */
  private static String statementSql(ScriptLines lines) {
    StringBuilder sql = new StringBuilder();
    while (lines.advance() && !lines.current().isEmpty()) {
      appendLine(sql, lines.current());
    }
    return sql.toString();
  }

  private static Record query(ScriptLines lines, int line, List<Condition> conditions,
      String[] words) {
    // The SQL runs to "----" or to the end of the record; SQLite checks for the blank line
    // before reading, so a comment right before it does not hide the end of the record.
    StringBuilder sql = new StringBuilder();
    while (!lines.nextIsBlank() && lines.advance() && !lines.current().isEmpty()
        && !lines.current().equals("----")) {
      appendLine(sql, lines.current());
    }
    List<String> expected = new ArrayList<>();
    if (lines.current().equals("----")) {
      while (lines.advance() && !lines.current().isEmpty()) {
        expected.add(lines.current());
      }
    }
    if (words[1].isEmpty()) {
      return new MalformedRecord(line, conditions, "missing type string", true);
    }
    Optional<List<ColumnType>> types = ColumnType.parseAll(words[1]);
    if (types.isEmpty()) {
      return new MalformedRecord(line, conditions,
          "unknown type character in type string '" + words[1] + "'", false);
    }
    Optional<SortMode> sortMode = SortMode.parse(words[2]);
    if (sortMode.isEmpty()) {
      return new MalformedRecord(line, conditions,
          "unknown sort method: '" + words[2] + "'", false);
    }
    Optional<String> label = words[3].isEmpty() ? Optional.empty() : Optional.of(words[3]);
    return new QueryRecord(line, conditions, types.get(), sortMode.get(), label,
        sql.toString(), expected);
  }

  private static void appendLine(StringBuilder sql, String line) {
    if (sql.length() > 0) {
      sql.append('\n');
    }
    sql.append(line);
  }

  /** The first four words of a line, missing ones empty. */
  private static String[] header(String line) {
    String[] words = new String[HEADER_WORDS];
    Arrays.fill(words, "");
    String[] found = line.strip().split("\\s+", HEADER_WORDS + 1);
    for (int i = 0; i < Math.min(HEADER_WORDS, found.length); i++) {
      words[i] = found[i];
    }
    return words;
  }

  /** C's {@code atoi}: the leading decimal integer of a word, 0 if there is none. */
  private static int leadingInt(String word) {
    int end = 0;
    if (end < word.length() && (word.charAt(end) == '-' || word.charAt(end) == '+')) {
      end++;
    }
    while (end < word.length() && Character.isDigit(word.charAt(end))) {
      end++;
    }
    try {
      return Integer.parseInt(word.substring(0, end));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
