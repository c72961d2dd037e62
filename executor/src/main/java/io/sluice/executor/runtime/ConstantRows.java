package io.sluice.executor.runtime;

import io.sluice.executor.RuntimeErrors;
import io.sluice.executor.codegen.CodeCache;
import io.sluice.plan.expr.RowProgram;
import io.sluice.plan.node.CalcNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.UnionAllNode;
import io.sluice.plan.node.ValuesNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates plans that compute rows from constants and parameters only (the source of
 * {@code INSERT ... VALUES (?, ?)}: calcs over constant rows, unions of them) without building a
 * dataflow. A prepared INSERT runs once per parameter set in a batch, so this path matters; it
 * gives the same rows the operators would, since calc and union are linear and stateless.
 */
public final class ConstantRows {
  private final PlanNode root;
  private final List<Branch> branches = new ArrayList<>();

  /** A chain of calcs over a constant row set. */
  private record Branch(List<Object[]> rows, List<RowProgram> programs) {}

  private ConstantRows(PlanNode root) {
    this.root = root;
  }

  /** The evaluator for a plan, or null if the plan reads anything but constants. */
  public static ConstantRows of(PlanNode root) {
    ConstantRows c = new ConstantRows(root);
    return c.collect(root) ? c : null;
  }

  private boolean collect(PlanNode node) {
    if (node instanceof UnionAllNode u) {
      for (PlanNode in : u.inputs()) {
        if (!collect(in)) {
          return false;
        }
      }
      return true;
    }
    List<RowProgram> programs = new ArrayList<>();
    PlanNode n = node;
    while (n instanceof CalcNode calc) {
      programs.add(0, CodeCache.instance().instance(calc.program(), RowProgram.class));
      n = calc.input();
    }
    if (n instanceof ValuesNode values) {
      branches.add(new Branch(values.rows(), programs));
      return true;
    }
    return false;
  }

  /** The rows for one execution context (parameters). */
  public List<Object[]> rows(Object dataContext) {
    List<Object[]> out = new ArrayList<>();
    try {
      for (Branch b : branches) {
        for (Object[] row : b.rows()) {
          Object[] r = row;
          for (RowProgram p : b.programs()) {
            r = p.apply(dataContext, r);
            if (r == null) {
              break;
            }
          }
          if (r != null) {
            out.add(r);
          }
        }
      }
    } catch (RuntimeException e) {
      throw RuntimeErrors.translate(e);
    }
    return out;
  }

  /** The plan evaluated. */
  public PlanNode plan() {
    return root;
  }
}
