package io.sluice.parser.ast;

import org.apache.calcite.sql.SqlNode;

/**
 * {@code EXPLAIN [PLAN FOR]} a query, a {@code CREATE MATERIALIZED VIEW} statement (the view's
 * dataflow, without creating it) or {@code MATERIALIZED VIEW name} (an existing view's
 * dataflow). Exactly one of {@code query}, {@code createView} and {@code view} is set.
 */
public record Explain(String sql, SqlNode query, CreateView createView, QualifiedName view)
    implements Statement {
  /** EXPLAIN of a query. */
  public Explain(String sql, SqlNode query) {
    this(sql, query, null, null);
  }
}
