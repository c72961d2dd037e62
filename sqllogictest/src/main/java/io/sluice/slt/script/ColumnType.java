package io.sluice.slt.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One letter of a query's type string: how the runner renders that column's values. */
public enum ColumnType {
  /** {@code I}: rendered as a (32-bit, like SQLite's runner) integer. */
  INTEGER('I'),
  /** {@code R}: rendered with three decimals ({@code %.3f}). */
  REAL('R'),
  /** {@code T}: rendered as text. */
  TEXT('T');

  private final char letter;

  ColumnType(char letter) {
    this.letter = letter;
  }

  /** The letter that stands for this type in a type string. */
  public char letter() {
    return letter;
  }

  /** The types of a type string such as {@code IIT}, or empty if a letter is not I, R or T. */
  public static Optional<List<ColumnType>> parseAll(String typeString) {
    List<ColumnType> types = new ArrayList<>(typeString.length());
    for (char c : typeString.toCharArray()) {
      ColumnType type = switch (c) {
        case 'I' -> INTEGER;
        case 'R' -> REAL;
        case 'T' -> TEXT;
        default -> null;
      };
      if (type == null) {
        return Optional.empty();
      }
      types.add(type);
    }
    return Optional.of(List.copyOf(types));
  }
}
