/**
 * Running statements. {@link io.sluice.server.statement.Prepared} parses and plans once and
 * runs many times; {@link io.sluice.server.statement.StatementHandlers} maps each statement kind
 * to its handler class (queries and DML, DDL, utility statements).
 */
package io.sluice.server.statement;
