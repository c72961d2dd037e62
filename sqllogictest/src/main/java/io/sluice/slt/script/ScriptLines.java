package io.sluice.slt.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over a script's lines that reads them the way SQLite's runner does: a trailing
 * {@code \r} is dropped, a line of only white space counts as empty (a record separator), and
 * a line starting with {@code #} is a comment that is skipped wherever it appears, even inside
 * a record.
 */
final class ScriptLines {
  private final List<String> lines;
  /** Index of the next line to read. */
  private int next;
  /** The current line's text; empty at end of file. */
  private String current = "";
  /** 1-based number of the current line. */
  private int lineNumber;
  private boolean atEnd;

  ScriptLines(String text) {
    this.lines = split(text);
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      out.add(line.isBlank() ? "" : line);
      start = end + 1;
    }
    return out;
  }

  /** Moves to the next line that is not a comment; false (and an empty line) at end of file. */
  boolean advance() {
    while (next < lines.size()) {
      lineNumber = next + 1;
      current = lines.get(next++);
      if (!current.startsWith("#")) {
        return true;
      }
    }
    current = "";
    atEnd = true;
    return false;
  }

  /**
   * Whether the next raw line is blank or missing. A comment line is not blank here, as in
   * SQLite's runner, which looks at the raw text before skipping comments.
   */
  boolean nextIsBlank() {
    return next >= lines.size() || lines.get(next).isEmpty();
  }

  /** Skips the rest of the current record and the blank lines after it. */
  boolean toStartOfNextRecord() {
    while (!current.isEmpty() && !atEnd) {
      advance();
    }
    while (current.isEmpty() && !atEnd) {
      advance();
    }
    return !atEnd;
  }

  String current() {
    return current;
  }

  int lineNumber() {
    return lineNumber;
  }
}
