package io.sluice.parser.ast;

/** {@code DESCRIBE name}: the columns of a table or view. */
public record Describe(String sql, QualifiedName name) implements Statement {}
