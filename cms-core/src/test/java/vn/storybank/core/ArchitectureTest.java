package vn.storybank.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.testing.ArchitectureRules;

/**
 * The rules of docs/ARCHITECTURE.md ("Modules and packages") for cms-core's main code, so that a
 * change that breaks one fails the build; the rules every module shares are in {@link
 * ArchitectureRules}.
 */
final class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importMainClasses() {
    core = ArchitectureRules.mainClasses("vn.storybank.core");
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
    ArchitectureRules.noPackageCycles("vn.storybank.core").check(core);
  }

  @Test
  void jpqlOnlyInPersistenceAndQueryClasses() {
    ArchitectureRules.jpqlOnlyInQueryClasses().check(core);
  }
}
