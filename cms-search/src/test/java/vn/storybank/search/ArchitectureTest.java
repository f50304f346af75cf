package vn.storybank.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.testing.ArchitectureRules;

/** The rules of docs/ARCHITECTURE.md ("Modules and packages") for cms-search's main code. */
final class ArchitectureTest {
  private static JavaClasses search;

  @BeforeAll
  static void importMainClasses() {
    search = ArchitectureRules.mainClasses("vn.storybank.search");
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
    ArchitectureRules.noPackageCycles("vn.storybank.search").check(search);
  }

  @Test
  void writesNoJpql() {
    ArchitectureRules.jpqlOnlyInQueryClasses().check(search);
  }
}
