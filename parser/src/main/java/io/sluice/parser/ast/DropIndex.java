package io.sluice.parser.ast;

/** {@code DROP INDEX [IF EXISTS] name}. */
public record DropIndex(String sql, QualifiedName name, boolean ifExists) implements Statement {}
