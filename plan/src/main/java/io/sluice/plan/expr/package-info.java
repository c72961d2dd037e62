/**
 * Expressions as generated Java source. The planner translates SQL expressions with Calcite's
 * code generator into a class implementing one of the interfaces here; the executor compiles the
 * source once (classes are cached by source text) and calls it for every row. The {@code
 * context} argument is the query's data context (parameters, current time), opaque to the plan.
 */
package io.sluice.plan.expr;
