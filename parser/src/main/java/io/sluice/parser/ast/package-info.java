/**
 * The statement AST: one immutable record per statement kind. Queries are kept as Calcite
 * {@link org.apache.calcite.sql.SqlNode}s with their text.
 */
package io.sluice.parser.ast;
