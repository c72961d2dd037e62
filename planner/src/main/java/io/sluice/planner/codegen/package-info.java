/**
 * Expressions to Java source. Calcite's {@code RexToLixTranslator} writes the code, so every
 * function, cast and NULL rule is Calcite's own; this package only frames it as a class that
 * implements one of the interfaces of {@link io.sluice.plan.expr}, reading rows as {@code
 * Object[]} in Sluice's internal representation.
 */
package io.sluice.planner.codegen;
