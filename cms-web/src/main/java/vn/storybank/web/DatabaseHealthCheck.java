package vn.storybank.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.storybank.core.Storybank;

/** Ready when the database answers; /health and /health/ready include it. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
  private final Storybank storybank;

  @Inject
  DatabaseHealthCheck(Storybank storybank) {
    this.storybank = storybank;
  }

  /** For the CDI client proxy only. */
  protected DatabaseHealthCheck() {
    this.storybank = null;
  }

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = storybank.database().dataSource().getConnection()) {
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
