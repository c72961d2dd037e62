package io.sluice.parser.ast;

/**
 * {@code SHOW TABLES}, {@code SHOW [MATERIALIZED] VIEWS}, {@code SHOW CHECKPOINTS}, {@code SHOW
 * ALL} or {@code SHOW option}.
 *
 * @param option the option name for {@link Kind#OPTION}, else null
 */
public record Show(String sql, Kind kind, String option) implements Statement {
  /** What to show. */
  public enum Kind { TABLES, VIEWS, MATERIALIZED_VIEWS, CHECKPOINTS, ALL_OPTIONS, OPTION }
}
