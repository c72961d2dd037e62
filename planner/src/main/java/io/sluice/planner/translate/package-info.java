/**
 * Calcite's optimized relational tree to Sluice plan nodes. {@link
 * io.sluice.planner.translate.RelTranslator} looks up a translation by operator class in a
 * registry; each family of operators has its own small class.
 */
package io.sluice.planner.translate;
