package io.sluice.parser.ast;

/** {@code DROP TABLE [IF EXISTS] name}. */
public record DropTable(String sql, QualifiedName name, boolean ifExists) implements Statement {}
