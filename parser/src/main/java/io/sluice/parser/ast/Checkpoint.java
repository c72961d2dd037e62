package io.sluice.parser.ast;

/** {@code CHECKPOINT}. */
public record Checkpoint(String sql) implements Statement {}
