package io.sluice.server.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside string literals, quoted
 * identifiers and comments.
 */
final class SqlScript {
  private SqlScript() {}

  /** The complete statements in {@code text}, trimmed, without their semicolons. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(text, i, c);
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == ';') {
        add(out, text.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The text after the last complete statement (an unfinished statement, or blanks). */
  static String remainder(String text) {
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(text, i, c);
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == ';') {
        start = ++i;
      } else {
        i++;
      }
    }
    return text.substring(start);
  }

  /** Whether text holds only blanks and comments. */
  static boolean isBlank(String text) {
    String t = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    return t.isBlank();
  }

  private static int skipQuoted(String text, int i, char quote) {
    int j = i + 1;
    while (j < text.length()) {
      if (text.charAt(j) == quote) {
        if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return j;
  }

  private static void add(List<String> out, String statement) {
    if (!isBlank(statement)) {
      out.add(statement.trim());
    }
  }
}
