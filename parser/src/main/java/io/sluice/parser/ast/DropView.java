package io.sluice.parser.ast;

/** {@code DROP [MATERIALIZED] VIEW [IF EXISTS] name}. */
public record DropView(String sql, QualifiedName name, boolean materialized, boolean ifExists)
    implements Statement {}
