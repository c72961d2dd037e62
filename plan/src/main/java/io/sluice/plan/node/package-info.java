/**
 * The operator tree. Each node is an immutable record that states its output row type and the
 * state tables its operator needs; {@link io.sluice.plan.node.PlanVisitor} dispatches on the
 * node kind, so translators are visitors, not chains of {@code instanceof}.
 *
 * <p>Semantics are those of changes, not rows: every node maps a stream of weighted rows to a
 * stream of weighted rows. Over a finite input (an ad-hoc query) the same nodes compute the
 * query's result; over a live input they maintain it.
 */
package io.sluice.plan.node;
