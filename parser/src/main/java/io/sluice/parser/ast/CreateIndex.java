package io.sluice.parser.ast;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC|DESC], ...)}.
 *
 * @param columns the indexed columns in order
 */
public record CreateIndex(String sql, String name, QualifiedName table,
    List<IndexColumn> columns, boolean unique, boolean ifNotExists) implements Statement {
  public CreateIndex {
    columns = List.copyOf(columns);
  }

  /**
   * A column of an index.
   *
   * @param name the column
   * @param descending whether it is indexed in descending order
   */
  public record IndexColumn(String name, boolean descending) {}
}
