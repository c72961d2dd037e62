package io.sluice.parser.ast;

import org.apache.calcite.sql.SqlNode;

/** {@code EXPLAIN [PLAN FOR] query}. */
public record Explain(String sql, SqlNode query) implements Statement {}
