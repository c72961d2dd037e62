package io.sluice.parser.ast;

/** {@code RESET name} or {@code RESET ALL} (name null). */
public record ResetOption(String sql, String name) implements Statement {}
