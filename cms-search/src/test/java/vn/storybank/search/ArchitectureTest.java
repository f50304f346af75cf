package vn.storybank.search;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/ARCHITECTURE.md ("Modules and packages") for cms-search's main code. */
final class ArchitectureTest {
  private static JavaClasses search;

  @BeforeAll
  static void importMainClasses() {
    search =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.storybank.search");
  }

  @Test
  void searchDoesNotKnowWeb() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("vn.storybank.web..")
        .because("the modules depend one way: cms-web → cms-search → cms-core")
        .check(search);
  }

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("vn.storybank.search.(*)..")
        .should()
        .beFreeOfCycles()
        // cms-search is one package today; the rule is for the day it gets a second.
        .allowEmptyShould(true)
        .check(search);
  }

  @Test
  void writesNoJpql() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..persistence..")
        .and()
        .haveNameNotMatching(".*Queries(\\$.*)?")
        .should()
        .callMethodWhere(
            target(owner(assignableTo("jakarta.persistence.EntityManager")))
                .and(target(nameMatching("createQuery|createNativeQuery"))))
        .because("queries are written in cms-core's query classes (or in its persistence package)")
        .check(search);
  }
}
