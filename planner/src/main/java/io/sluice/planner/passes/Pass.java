package io.sluice.planner.passes;

import java.util.function.UnaryOperator;
import org.apache.calcite.rel.RelNode;

/**
 * One optimizer pass.
 *
 * @param name the name it is logged under
 * @param rewrite the rewrite
 */
public record Pass(String name, UnaryOperator<RelNode> rewrite) {}
