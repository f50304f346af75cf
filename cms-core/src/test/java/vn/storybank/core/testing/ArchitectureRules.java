package vn.storybank.core.testing;

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
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every module's {@code ArchitectureTest} applies in the same way (docs/ARCHITECTURE.md,
 * "Packages and the direction of their dependencies"); each module adds its own.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The module's main classes, without its tests. */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage);
  }

  /**
   * No cycles between the packages right below {@code rootPackage} (a module of one package passes:
   * the rule is for the day it gets a second).
   */
  public static ArchRule noPackageCycles(String rootPackage) {
    return slices()
        .matching(rootPackage + ".(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true);
  }

  /**
   * JPQL and SQL text only in a {@code *Queries} class or a {@code persistence} package; a Criteria
   * query built where its filters live is not text.
   */
  public static ArchRule jpqlOnlyInQueryClasses() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("..persistence..")
        .and()
        .haveNameNotMatching(".*Queries(\\$.*)?")
        .should()
        .callMethodWhere(
            target(owner(assignableTo("jakarta.persistence.EntityManager")))
                .and(target(nameMatching("createQuery|createNativeQuery")))
                .and(target(takesQueryText())))
        .because("queries are written in one query class per aggregate (or in persistence)");
  }

  private static DescribedPredicate<CodeUnitCallTarget> takesQueryText() {
    return DescribedPredicate.describe(
        "takes JPQL or SQL text",
        t ->
            !t.getRawParameterTypes().isEmpty()
                && t.getRawParameterTypes().get(0).isEquivalentTo(String.class));
  }
}
