package io.sluice.parser.ast;

import org.apache.calcite.sql.SqlNode;

/** A statement Calcite parsed: SELECT (possibly STREAM), INSERT, UPDATE, DELETE. */
public record Query(String sql, SqlNode node) implements Statement {}
