package vn.storybank.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.storybank.core.persistence.Database;

/**
 * Ready once Storybank has started (schema migrated, administrator ensured; the demo content, when
 * asked for, loaded and searchable) and while the database answers; /health and /health/ready
 * include it. Payara can ask before the application has started, so the database is looked up at
 * each call, not injected once.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
  private final StorybankLifecycle lifecycle;

  @Inject
  DatabaseHealthCheck(StorybankLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** For the CDI client proxy only. */
  protected DatabaseHealthCheck() {
    this.lifecycle = null;
  }

  @Override
  public HealthCheckResponse call() {
    Database database = lifecycle.database().orElse(null);
    if (database == null) {
      return HealthCheckResponse.named("database").down().withData("state", "starting").build();
    }
    if (!lifecycle.started()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("state", lifecycle.startingState())
          .build();
    }
    try (Connection connection = database.dataSource().getConnection()) {
      boolean valid = connection.isValid(2);
      return HealthCheckResponse.named("database").status(valid).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
