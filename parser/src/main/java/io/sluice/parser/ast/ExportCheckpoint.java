package io.sluice.parser.ast;

/** {@code EXPORT CHECKPOINT id TO 'directory'}. */
public record ExportCheckpoint(String sql, long id, String directory) implements Statement {}
