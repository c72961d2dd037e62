/**
 * Turns statement text into a {@link io.sluice.parser.ast.Statement}. {@link
 * io.sluice.parser.SluiceParser} runs the ANTLR grammar for Sluice's own statements and hands
 * query text to Calcite's SQL parser, configured once in {@link io.sluice.parser.SqlDialect}.
 * Errors come back as {@link io.sluice.common.error.SqlSyntaxException} with line and column.
 */
package io.sluice.parser;
