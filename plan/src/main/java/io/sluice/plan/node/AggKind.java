package io.sluice.plan.node;

/**
 * The aggregate functions the executor computes. AVG, STDDEV and VARIANCE are not here: the
 * planner rewrites them into SUM and COUNT.
 */
public enum AggKind {
  /** COUNT(*) when it has no argument, else the count of rows whose arguments are all non-null. */
  COUNT,
  /** SUM; NULL over no non-null values. */
  SUM,
  /** SUM that is 0 over no values (Calcite's $SUM0). */
  SUM0,
  MIN,
  MAX,
  /** The one value of a group; more than one row is an error (scalar subqueries). */
  SINGLE_VALUE,
  /** EVERY / BOOL_AND. */
  BOOL_AND,
  /** SOME / BOOL_OR. */
  BOOL_OR,
  /** Any value of the group (the smallest, deterministically). */
  ANY_VALUE,
  /** A constant, for every group (Calcite's LITERAL_AGG, which marks that a group exists). */
  LITERAL,
  /**
   * STRING_AGG(value, separator) and LISTAGG: the group's non-null values joined, each after
   * the first preceded by its own row's separator (',' when there is none), in the call's
   * order, else in the order of the values; NULL over no values.
   */
  STRING_AGG;

  /** Whether the function needs every value of the group kept to survive deletions. */
  public boolean keepsValues() {
    return this == MIN || this == MAX || this == ANY_VALUE || this == SINGLE_VALUE
        || this == STRING_AGG;
  }
}
