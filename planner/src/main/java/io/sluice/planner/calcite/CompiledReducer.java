package io.sluice.planner.calcite;

import com.google.common.collect.ImmutableList;
import io.sluice.plan.expr.GeneratedClassLoader;
import io.sluice.planner.codegen.DecimalText;
import io.sluice.planner.codegen.NumberToInterval;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.codehaus.janino.ClassLoaderIClassLoader;
import org.codehaus.janino.IClassLoader;
import org.codehaus.janino.Parser;
import org.codehaus.janino.Scanner;
import org.codehaus.janino.UnitCompiler;

/**
 * Calcite's constant reduction ({@link org.apache.calcite.rex.RexExecutorImpl}: the constant
 * expressions become Java code, compiled and run once, and their values literals), with one
 * Janino {@link IClassLoader} shared by every compilation.
 *
 * <p>Calcite's {@code RexExecutable} compiles with a new {@code ClassBodyEvaluator} each time,
 * and so reflects again over every class the code names ({@code SqlFunctions}, with its
 * thousand-odd methods, in nearly all of it): more than half of the reduction's time in a
 * profile of sqllogictest's {@code random/expr}, where almost every query has constants to
 * fold. Calcite's classes never change, so what Janino learned of them is kept; compilations
 * take turns on it. The code, the running and the literals made of the values are Calcite's:
 * the same generated method, the same empty data context, the same fallback (an expression
 * that fails to reduce, division by zero say, is left as it is, to fail at run time).
 */
public final class CompiledReducer implements RexExecutor {
  public static final CompiledReducer INSTANCE = new CompiledReducer();

  private static final String CLASS_NAME = "Reducer";
  /** Calcite's classes as Janino sees them; guarded by itself. */
  private static final IClassLoader CLASSES =
      new ClassLoaderIClassLoader(CompiledReducer.class.getClassLoader());

  private CompiledReducer() {}

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    try {
      Object[] values = compile(code(rexBuilder, constExps)).apply(DataContexts.EMPTY);
      if (values == null) {
        reducedValues.addAll(constExps);
        return;
      }
      for (int i = 0; i < constExps.size(); i++) {
        reducedValues.add(rexBuilder.makeLiteral(values[i], constExps.get(i).getType(), true));
      }
    } catch (RuntimeException e) {
      // As Calcite: the expressions stay as they are, and any error comes at run time.
      reducedValues.clear();
      reducedValues.addAll(constExps);
    }
  }

  /** The method {@code RexExecutorImpl} generates: {@code Object[] apply(Object root0)}. */
  private static String code(RexBuilder rexBuilder, List<RexNode> constExps) {
    RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
    RexProgramBuilder program = new RexProgramBuilder(typeFactory.builder().build(), rexBuilder);
    for (RexNode node : constExps) {
      program.addProject(
          NumberToInterval.rewrite(DecimalText.rewrite(node, rexBuilder), rexBuilder),
          "c" + program.getProjectList().size());
    }
    BlockBuilder block = new BlockBuilder();
    ParameterExpression root0 = Expressions.parameter(Object.class, "root0");
    block.add(Expressions.declare(Modifier.FINAL, DataContext.ROOT,
        Expressions.convert_(root0, DataContext.class)));
    List<Expression> expressions = RexToLixTranslator.translateProjects(program.getProgram(),
        typeFactory instanceof JavaTypeFactoryImpl j ? j
            : new JavaTypeFactoryImpl(typeFactory.getTypeSystem()),
        SqlConformanceEnum.DEFAULT, block, null, DataContext.ROOT,
        (list, index, storageType) -> {
          throw new UnsupportedOperationException("a constant expression reads no input");
        }, null);
    block.add(Expressions.return_(null, Expressions.newArrayInit(Object[].class, expressions)));
    return Expressions.toString(Expressions.methodDecl(Modifier.PUBLIC, Object[].class,
        "apply", ImmutableList.of(root0), block.toBlock()));
  }

  /** Compiles the method into a class as {@code RexExecutable} does, and makes one. */
  @SuppressWarnings("unchecked")
  private static Function1<DataContext, Object[]> compile(String method) {
    String source = "public final class " + CLASS_NAME
        + " extends org.apache.calcite.runtime.Utilities"
        + " implements org.apache.calcite.linq4j.function.Function1, java.io.Serializable {\n"
        + method + "\n}\n";
    Map<String, byte[]> classes = new HashMap<>();
    try {
      synchronized (CLASSES) {
        new UnitCompiler(new Parser(new Scanner(null, new StringReader(source)))
            .parseAbstractCompilationUnit(), CLASSES)
            .compileUnit(false, false, false,
                classFile -> classes.put(classFile.getThisClassName(), classFile.toByteArray()));
      }
      return (Function1<DataContext, Object[]>) new GeneratedClassLoader(classes,
          CompiledReducer.class.getClassLoader()).loadClass(CLASS_NAME)
          .getDeclaredConstructor().newInstance();
    } catch (Exception | LinkageError e) {
      throw new IllegalStateException("cannot compile a constant reduction:\n" + source, e);
    }
  }
}
