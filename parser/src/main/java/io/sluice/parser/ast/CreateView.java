package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW [IF NOT EXISTS] name [(columns)] AS query}.
 *
 * @param columnNames names given to the query's columns; empty to keep the query's own
 * @param query the parsed query
 * @param queryText the query's text, which the catalog stores
 */
public record CreateView(String sql, QualifiedName name, List<String> columnNames, SqlNode query,
    String queryText, boolean materialized, boolean ifNotExists, boolean orReplace)
    implements Statement {
  public CreateView {
    columnNames = List.copyOf(columnNames);
  }
}
