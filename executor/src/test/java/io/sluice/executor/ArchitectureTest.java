package io.sluice.executor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executor runs plans and never imports the planner (DESIGN.md, "the one-way rule";
 * STYLE.md: planner code leaking into the runtime is what Flink regretted). Calcite's runtime
 * library that generated code calls is allowed ({@code org.apache.calcite.runtime}, linq4j,
 * {@code DataContext}, Avatica's utilities); Calcite's parser, validator, relational algebra,
 * planner and JDBC layer are not, nor ANTLR, nor Sluice's parser, planner and server.
 *
 * <p>The rules run from plain JUnit Jupiter tests rather than ArchUnit's {@code @ArchTest}
 * fields: under this build's Surefire the ArchUnit engine reports "Tests run: 0" and checks
 * nothing.
 */
class ArchitectureTest {
  private static JavaClasses executor;

  @BeforeAll
  static void importExecutor() {
    executor = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.sluice.executor");
  }

  @Test
  void executorUsesNoCalcitePlannerPackage() {
    noClasses().that().resideInAPackage("io.sluice.executor..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.calcite.plan..", "org.apache.calcite.rel..", "org.apache.calcite.rex..",
            "org.apache.calcite.sql..", "org.apache.calcite.sql2rel..",
            "org.apache.calcite.prepare..", "org.apache.calcite.tools..",
            "org.apache.calcite.interpreter..", "org.apache.calcite.jdbc..")
        .check(executor);
  }

  @Test
  void executorUsesNeitherAntlrNorHigherSluiceModules() {
    noClasses().that().resideInAPackage("io.sluice.executor..")
        .should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "io.sluice.parser..",
            "io.sluice.planner..", "io.sluice.server..")
        .check(executor);
  }

  /** Guards the rules above against passing vacuously (an import that found nothing). */
  @Test
  void theImportFoundTheOperators() {
    org.junit.jupiter.api.Assertions.assertTrue(
        executor.containPackage("io.sluice.executor.operator"));
  }
}
