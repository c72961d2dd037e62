package io.sluice.parser.ast;

import java.util.List;

/**
 * A possibly schema-qualified object name, with unquoted parts already folded to lower case.
 *
 * @param parts the parts, such as {@code [sys, tables]}
 */
public record QualifiedName(List<String> parts) {
  public QualifiedName {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
  }

  public static QualifiedName of(String... parts) {
    return new QualifiedName(List.of(parts));
  }

  /** The last part: the object's own name. */
  public String simpleName() {
    return parts.get(parts.size() - 1);
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }
}
