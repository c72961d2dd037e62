package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;

/** Rewrites the expressions of a program before code generation. */
final class Rewriting {
  private Rewriting() {}

  /**
   * The program with the shuttles applied in turn to its projections and condition (expanded,
   * so a shuttle sees whole expressions), built once; the same program if they change nothing.
   */
  static RexProgram apply(RexProgram program, RexBuilder rexBuilder, RexShuttle... shuttles) {
    List<RexNode> projects = new ArrayList<>();
    boolean changed = false;
    for (RexLocalRef ref : program.getProjectList()) {
      RexNode e = program.expandLocalRef(ref);
      RexNode rewritten = apply(e, shuttles);
      changed |= rewritten != e;
      projects.add(rewritten);
    }
    RexNode condition = null;
    if (program.getCondition() != null) {
      RexNode e = program.expandLocalRef(program.getCondition());
      condition = apply(e, shuttles);
      changed |= condition != e;
    }
    if (!changed) {
      return program;
    }
    RexProgramBuilder b = new RexProgramBuilder(program.getInputRowType(), rexBuilder);
    List<String> names = program.getOutputRowType().getFieldNames();
    for (int i = 0; i < projects.size(); i++) {
      b.addProject(projects.get(i), names.get(i));
    }
    if (condition != null) {
      b.addCondition(condition);
    }
    return b.getProgram(false);
  }

  /** The expression with the shuttles applied in turn; the same node if they change nothing. */
  static RexNode apply(RexNode expression, RexShuttle... shuttles) {
    RexNode e = expression;
    for (RexShuttle shuttle : shuttles) {
      e = e.accept(shuttle);
    }
    return e;
  }
}
