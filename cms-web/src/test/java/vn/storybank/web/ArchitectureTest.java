package vn.storybank.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.Storybank;
import vn.storybank.core.testing.ArchitectureRules;

/** The rules of docs/ARCHITECTURE.md ("Modules and packages") for cms-web's main code. */
final class ArchitectureTest {
  private static JavaClasses web;

  @BeforeAll
  static void importMainClasses() {
    web = ArchitectureRules.mainClasses("vn.storybank.web");
  }

  @Test
  void packagesHaveNoCycles() {
    ArchitectureRules.noPackageCycles("vn.storybank.web").check(web);
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
    ArchitectureRules.jpqlOnlyInQueryClasses().check(web);
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
