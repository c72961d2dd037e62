package io.sluice.parser.ast;

/**
 * {@code ALTER SYSTEM SET name = value} or, with a null value, {@code ALTER SYSTEM RESET name}:
 * a setting of the whole database, stored in it.
 */
public record AlterSystem(String sql, String name, String value) implements Statement {}
