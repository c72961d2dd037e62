package io.sluice.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Storage sits at the bottom of the module graph (DESIGN.md, "the one-way rule"): its classes
 * may use sluice-common and RocksDB but no higher Sluice module, Calcite or ANTLR. The Maven
 * enforcer bans the artifacts; this test bans the packages, so a class copied in from above is
 * caught too.
 *
 * <p>The rules run from plain JUnit Jupiter tests rather than ArchUnit's {@code @ArchTest}
 * fields: under this build's Surefire the ArchUnit engine reports "Tests run: 0" and checks
 * nothing.
 */
class ArchitectureTest {
  private static JavaClasses storage;

  @BeforeAll
  static void importStorage() {
    storage = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.sluice.storage");
  }

  @Test
  void storageDependsOnNoHigherModule() {
    noClasses().that().resideInAPackage("io.sluice.storage..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.sluice.plan..", "io.sluice.planner..", "io.sluice.executor..",
            "io.sluice.server..", "io.sluice.parser..")
        .check(storage);
  }

  @Test
  void storageDependsOnNeitherCalciteNorAntlr() {
    noClasses().that().resideInAPackage("io.sluice.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.calcite..", "org.antlr..")
        .check(storage);
  }
}
