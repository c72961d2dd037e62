package io.sluice.parser.ast;

/** {@code SET name = value}: a session option. */
public record SetOption(String sql, String name, String value) implements Statement {}
