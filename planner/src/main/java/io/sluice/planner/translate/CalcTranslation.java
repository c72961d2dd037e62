package io.sluice.planner.translate;

import io.sluice.plan.catalog.TableDef;
import io.sluice.plan.node.CalcNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.planner.calcite.SluiceTable;
import io.sluice.planner.calcite.TypeConversion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;

/**
 * Filters and projections, fused into one generated program. A calc directly over a table whose
 * condition fixes a prefix of the primary key also narrows the scan to those keys.
 */
final class CalcTranslation {
  private CalcTranslation() {}

  static PlanNode calc(LogicalCalc calc, RelTranslator t) {
    return program(calc.getProgram(), calc.getInput(), t);
  }

  static PlanNode project(LogicalProject project, RelTranslator t) {
    RexProgram program = RexProgram.create(project.getInput().getRowType(),
        project.getProjects(), null, project.getRowType(), t.rexBuilder());
    return program(program, project.getInput(), t);
  }

  static PlanNode filter(LogicalFilter filter, RelTranslator t) {
    RexProgramBuilder b = new RexProgramBuilder(filter.getInput().getRowType(), t.rexBuilder());
    b.addIdentity();
    b.addCondition(filter.getCondition());
    return program(b.getProgram(), filter.getInput(), t);
  }

  private static PlanNode program(RexProgram program, RelNode inputRel, RelTranslator t) {
    PlanNode input = null;
    if (inputRel instanceof LogicalTableScan scan && program.getCondition() != null) {
      SluiceTable table = scan.getTable().unwrap(SluiceTable.class);
      if (table != null && table.def().kind() == TableDef.Kind.BASE) {
        input = KeyLookups.narrow(table.def(), program, t);
      }
    }
    if (input == null) {
      input = t.translate(inputRel);
    }
    if (program.isTrivial() && input.rowType().size() == program.getOutputRowType().getFieldCount()) {
      return input;
    }
    return new CalcNode(input, t.codegen().rowProgram(program, describe(program)),
        TypeConversion.rowTypeFromCalcite(program.getOutputRowType()), forwarded(program));
  }

  /** For each output column, the input column it copies, or -1. */
  private static List<Integer> forwarded(RexProgram program) {
    List<Integer> out = new ArrayList<>();
    for (RexLocalRef ref : program.getProjectList()) {
      RexNode e = program.expandLocalRef(ref);
      out.add(e instanceof RexInputRef in ? in.getIndex() : -1);
    }
    return out;
  }

  /** {@code filter=[...], project=[...]} in Calcite's expression notation. */
  static String describe(RexProgram program) {
    StringBuilder sb = new StringBuilder();
    if (program.getCondition() != null) {
      sb.append("filter=[").append(program.expandLocalRef(program.getCondition())).append("], ");
    }
    List<String> projects = new ArrayList<>();
    for (RexNode p : program.getProjectList()) {
      projects.add(program.expandLocalRef((RexLocalRef) p).toString());
    }
    sb.append("project=").append(projects);
    return sb.toString();
  }
}
