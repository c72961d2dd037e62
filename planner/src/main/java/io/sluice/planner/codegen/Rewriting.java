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
   * The program with the shuttle applied to its projections and condition (expanded, so the
   * shuttle sees whole expressions); the same program if the shuttle changes nothing.
   */
  static RexProgram apply(RexProgram program, RexShuttle shuttle, RexBuilder rexBuilder) {
    List<RexNode> projects = new ArrayList<>();
    boolean changed = false;
    for (RexLocalRef ref : program.getProjectList()) {
      RexNode e = program.expandLocalRef(ref);
      RexNode rewritten = e.accept(shuttle);
      changed |= rewritten != e;
      projects.add(rewritten);
    }
    RexNode condition = null;
    if (program.getCondition() != null) {
      RexNode e = program.expandLocalRef(program.getCondition());
      condition = e.accept(shuttle);
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
}
