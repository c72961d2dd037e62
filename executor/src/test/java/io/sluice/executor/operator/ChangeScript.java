package io.sluice.executor.operator;

import io.sluice.common.types.DataType;
import io.sluice.common.types.RowType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses change scripts, one weighted row a line: {@code +1 [1, 'a', null]} inserts a row,
 * {@code -2 [...]} deletes two copies. Literals are read as the internal value of their column's
 * type (so {@code 1} is an Integer in an INTEGER column and a Long in a BIGINT one); strings
 * are quoted with {@code '}, doubled inside. Blank lines and lines starting with {@code --} are
 * ignored.
 */
final class ChangeScript {
  private ChangeScript() {}

  /** One weighted row. */
  record Change(Object[] row, long weight) {}

  private static final Pattern LINE = Pattern.compile("([+-]\\d+)\\s*\\[(.*)]");

  static List<Change> parse(RowType type, String script) {
    List<Change> out = new ArrayList<>();
    for (String raw : script.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("--")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a change: " + line);
      }
      List<String> literals = splitLiterals(m.group(2));
      if (literals.size() != type.size()) {
        throw new IllegalArgumentException(
            "expected " + type.size() + " values in " + line + " for " + type.names());
      }
      Object[] row = new Object[literals.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = value(type.type(i), literals.get(i));
      }
      out.add(new Change(row, Long.parseLong(m.group(1))));
    }
    return out;
  }

  private static List<String> splitLiterals(String s) {
    List<String> out = new ArrayList<>();
    if (s.isBlank()) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }

  private static Object value(DataType type, String literal) {
    if (literal.equals("null")) {
      return null;
    }
    if (literal.startsWith("'")) {
      return literal.substring(1, literal.length() - 1).replace("''", "'");
    }
    switch (type.kind()) {
      case BOOLEAN: return Boolean.parseBoolean(literal);
      case TINYINT: return Byte.parseByte(literal);
      case SMALLINT: return Short.parseShort(literal);
      case INTEGER:
      case DATE:
      case TIME:
        return Integer.parseInt(literal);
      case BIGINT:
      case TIMESTAMP:
        return Long.parseLong(literal);
      case DECIMAL: return new BigDecimal(literal);
      case REAL: return Float.parseFloat(literal);
      case DOUBLE: return Double.parseDouble(literal);
      default: throw new IllegalArgumentException(literal + " is not a " + type);
    }
  }
}
