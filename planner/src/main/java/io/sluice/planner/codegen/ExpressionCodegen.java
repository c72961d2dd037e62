package io.sluice.planner.codegen;

import com.google.common.collect.ImmutableMap;
import io.sluice.common.error.SluiceException;
import io.sluice.parser.SqlDialect;
import io.sluice.plan.expr.GeneratedCode;
import io.sluice.plan.expr.JoinCondition;
import io.sluice.plan.expr.RowProgram;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.GotoExpressionKind;
import org.apache.calcite.linq4j.tree.GotoStatement;
import org.apache.calcite.linq4j.tree.Statement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MemberDeclaration;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;

/** Generates the Java source of row programs, join conditions and constant rows. */
public final class ExpressionCodegen {
  private final JavaTypeFactory typeFactory;
  private final RexBuilder rexBuilder;

  public ExpressionCodegen(JavaTypeFactory typeFactory, RexBuilder rexBuilder) {
    this.typeFactory = typeFactory;
    this.rexBuilder = rexBuilder;
  }

  /** A {@link RowProgram} for a filter-and-project program. */
  public GeneratedCode rowProgram(RexProgram program, String description) {
    program = Rewriting.apply(program, rexBuilder, new IntegerWidening(rexBuilder),
        new ShortCircuit(rexBuilder), new DecimalText(rexBuilder),
        new NumberToInterval(rexBuilder));
    ParameterExpression root0 = Expressions.parameter(Object.class, "root0");
    ParameterExpression row = Expressions.parameter(Object[].class, "row");
    BlockBuilder body = new BlockBuilder();
    declareRoot(body, root0);
    PhysType in = PhysTypeImpl.of(typeFactory, program.getInputRowType(), JavaRowFormat.ARRAY,
        false);
    RexToLixTranslator.InputGetter getter = new RexToLixTranslator.InputGetterImpl(row, in);
    try {
      if (program.getCondition() != null) {
        Expression condition = RexToLixTranslator.translateCondition(program, typeFactory, body,
            getter, null, SqlDialect.CONFORMANCE);
        if (condition instanceof org.apache.calcite.linq4j.tree.ConstantExpression c
            && Boolean.FALSE.equals(c.value)) {
          // The condition folded to FALSE (x / NULL IS NOT NULL, say): no row passes, and code
          // after an unconditional return would not compile.
          body.add(Expressions.return_(null, Expressions.constant(null)));
          return frame("Calc", RowProgram.class, Object[].class, "apply", List.of(root0, row),
              body, description);
        }
        body.add(Expressions.ifThen(Expressions.not(condition),
            Expressions.return_(null, Expressions.constant(null))));
      }
      PhysType out = PhysTypeImpl.of(typeFactory, program.getOutputRowType(),
          JavaRowFormat.ARRAY, false);
      List<Expression> values = RexToLixTranslator.translateProjects(program, typeFactory,
          SqlDialect.CONFORMANCE, body, null, out, DataContext.ROOT, getter, null);
      body.add(Expressions.return_(null, out.record(values)));
    } catch (RuntimeException e) {
      throw translationError(description, e);
    }
    return frame("Calc", RowProgram.class, Object[].class, "apply", List.of(root0, row), body,
        description);
  }

  /** A {@link JoinCondition} for a condition over the left row's fields then the right's. */
  public GeneratedCode joinCondition(RexNode condition, RelDataType leftType,
      RelDataType rightType, String description) {
    ParameterExpression root0 = Expressions.parameter(Object.class, "root0");
    ParameterExpression left = Expressions.parameter(Object[].class, "left");
    ParameterExpression right = Expressions.parameter(Object[].class, "right");
    BlockBuilder body = new BlockBuilder();
    declareRoot(body, root0);
    PhysType leftPhys = PhysTypeImpl.of(typeFactory, leftType, JavaRowFormat.ARRAY, false);
    PhysType rightPhys = PhysTypeImpl.of(typeFactory, rightType, JavaRowFormat.ARRAY, false);
    RexToLixTranslator.InputGetter getter = new RexToLixTranslator.InputGetterImpl(
        ImmutableMap.of(left, leftPhys, right, rightPhys));
    RelDataType combined = typeFactory.builder().addAll(leftType.getFieldList())
        .addAll(rightType.getFieldList()).uniquify().build();
    RexProgramBuilder pb = new RexProgramBuilder(combined, rexBuilder);
    pb.addCondition(Rewriting.apply(condition, new IntegerWidening(rexBuilder),
        new ShortCircuit(rexBuilder), new DecimalText(rexBuilder),
        new NumberToInterval(rexBuilder)));
    RexProgram program = pb.getProgram(false);
    try {
      Expression test = RexToLixTranslator.translateCondition(program, typeFactory, body, getter,
          null, SqlDialect.CONFORMANCE);
      body.add(Expressions.return_(null, test));
    } catch (RuntimeException e) {
      throw translationError(description, e);
    }
    return frame("JoinCondition", JoinCondition.class, boolean.class, "test",
        List.of(root0, left, right), body, description);
  }

  /**
   * A {@link RowProgram} that ignores its input row and returns the given expressions (which
   * may read query parameters).
   */
  public GeneratedCode constantRow(List<RexNode> expressions, String description) {
    RelDataType empty = typeFactory.builder().build();
    RexProgramBuilder pb = new RexProgramBuilder(empty, rexBuilder);
    for (int i = 0; i < expressions.size(); i++) {
      pb.addProject(expressions.get(i), "c" + i);
    }
    return rowProgram(pb.getProgram(false), description);
  }

  private static void declareRoot(BlockBuilder body, ParameterExpression root0) {
    body.add(Expressions.declare(Modifier.FINAL, DataContext.ROOT,
        Expressions.convert_(root0, DataContext.class)));
  }

  private static GeneratedCode frame(String className, Class<?> iface, Class<?> returnType,
      String method, List<ParameterExpression> params, BlockBuilder body, String description) {
    List<MemberDeclaration> members = new ArrayList<>();
    members.add(Expressions.methodDecl(Modifier.PUBLIC, returnType, method, params,
        untilFirstReturn(body.toBlock())));
    String source = "public final class " + className + " implements "
        + iface.getCanonicalName() + " {\n"
        + Expressions.toString(members, "\n", false)
        + "}\n";
    return new GeneratedCode(className, source, iface, description);
  }

  /**
   * The block up to its first top-level return. When a condition folds to a constant the
   * builder's optimizer turns "if (!false) return null;" into "return null;", and Java rejects
   * the unreachable statements after it.
   */
  private static BlockStatement untilFirstReturn(BlockStatement block) {
    List<Statement> kept = new ArrayList<>();
    for (Statement st : block.statements) {
      kept.add(st);
      if (st instanceof GotoStatement g && g.kind == GotoExpressionKind.Return) {
        break;
      }
    }
    return kept.size() == block.statements.size() ? block : Expressions.block(kept);
  }

  private static SluiceException translationError(String what, RuntimeException e) {
    if (e instanceof SluiceException se) {
      return se;
    }
    return SluiceException.unsupported("cannot compile expression " + what + ": " + e.getMessage());
  }
}
