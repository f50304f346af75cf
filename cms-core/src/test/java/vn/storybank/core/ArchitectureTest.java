package vn.storybank.core;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/ARCHITECTURE.md ("Modules and packages") for cms-core's main code, so that a
 * change that breaks one fails the build. Plain JUnit tests over ArchUnit's rules, so that one rule
 * can wait behind {@code @Disabled}.
 */
final class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importMainClasses() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.storybank.core");
  }

  @Test
  void coreKnowsNeitherSearchNorWeb() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("vn.storybank.search..", "vn.storybank.web..")
        .because("the modules depend one way: cms-web → cms-search → cms-core")
        .check(core);
  }

  @Test
  void coreKnowsNoHttp() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
        .because("HTTP is cms-web's; the core runs in plain unit tests and tools")
        .check(core);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("vn.storybank.core.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void jpqlOnlyInPersistenceAndQueryClasses() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..persistence..")
        .and()
        .haveNameNotMatching(".*Queries(\\$.*)?")
        .should()
        .callMethodWhere(
            target(owner(assignableTo("jakarta.persistence.EntityManager")))
                .and(target(nameMatching("createQuery|createNativeQuery")))
                .and(target(takesQueryText())))
        .because(
            "queries are written in one query class per aggregate (or in persistence); a"
                + " Criteria query built where its filters live is not text")
        .check(core);
  }

  /** A call whose first parameter is the query's text (not a Criteria query). */
  private static DescribedPredicate<CodeUnitCallTarget> takesQueryText() {
    return DescribedPredicate.describe(
        "takes JPQL or SQL text",
        t ->
            !t.getRawParameterTypes().isEmpty()
                && t.getRawParameterTypes().get(0).isEquivalentTo(String.class));
  }
}
