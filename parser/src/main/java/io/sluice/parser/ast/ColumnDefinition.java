package io.sluice.parser.ast;

import io.sluice.common.types.DataType;

/**
 * A column in CREATE TABLE.
 *
 * @param name the column name
 * @param type its type; not nullable when declared NOT NULL or part of the primary key
 * @param defaultSql the DEFAULT expression's text, or null
 * @param line where the definition starts, for errors
 * @param column where the definition starts, for errors
 */
public record ColumnDefinition(String name, DataType type, String defaultSql, int line,
    int column) {}
