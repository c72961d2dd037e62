package io.sluice.plan.expr;

/**
 * The part of a join condition that is not an equality of keys, evaluated on a pair of rows.
 * Implementations are stateless and thread-safe.
 */
public interface JoinCondition {
  /** Whether the pair satisfies the condition (false when it is NULL). */
  boolean test(Object context, Object[] left, Object[] right);
}
