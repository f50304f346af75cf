package vn.storybank.web;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.Storybank;

/** The rules of docs/ARCHITECTURE.md ("Modules and packages") for cms-web's main code. */
final class ArchitectureTest {
  private static JavaClasses web;

  @BeforeAll
  static void importMainClasses() {
    web =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.storybank.web");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("vn.storybank.web.(*)..").should().beFreeOfCycles().check(web);
  }

  @Test
  void resourcesUseNoEntityManager() {
    noClasses()
        .that()
        .areAnnotatedWith(Path.class)
        .or()
        .resideInAnyPackage(
            "vn.storybank.web.admin..", "vn.storybank.web.delivery..", "vn.storybank.web.search..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .because(
            "a resource calls a core service, which owns its transaction and its permission check")
        .check(web);
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
            target(owner(assignableTo(EntityManager.class)))
                .and(target(nameMatching("createQuery|createNativeQuery"))))
        .because("queries are written in cms-core's query classes (or in its persistence package)")
        .check(web);
  }

  @Test
  void onlyTheLifecycleKnowsTheWholeCore() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(StorybankLifecycle.class.getName())
        .and()
        .doNotHaveFullyQualifiedName("vn.storybank.web.CoreServices")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Storybank.class)
        .because(
            "each class is constructed with the core services it uses (see CoreServices), not"
                + " with the whole core to look them up in")
        .check(web);
  }
}
