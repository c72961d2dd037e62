package io.sluice.parser.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (columns..., [PRIMARY KEY (...)]) [WITH (...)]}.
 *
 * @param primaryKey the primary key column names in key order; empty when none is declared
 * @param uniqueKeys the column lists of UNIQUE constraints
 * @param options the WITH options, keys lower case
 */
public record CreateTable(String sql, QualifiedName name, List<ColumnDefinition> columns,
    List<String> primaryKey, List<List<String>> uniqueKeys, boolean ifNotExists,
    Map<String, String> options) implements Statement {
  public CreateTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    options = Map.copyOf(options);
  }
}
