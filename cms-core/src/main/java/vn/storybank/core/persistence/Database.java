package vn.storybank.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The connection pool, the schema (Flyway) and the JPA entity manager factory (Hibernate).
 *
 * <p>Hibernate is bootstrapped here, not by the application server, so that the same code runs in
 * Payara and in plain unit tests, and transactions are explicit ({@link Transactions}).
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final EntityManagerFactory entityManagerFactory;
  private final CommitFlush commitFlush;

  private Database(
      HikariDataSource dataSource,
      EntityManagerFactory entityManagerFactory,
      CommitFlush commitFlush) {
    this.dataSource = dataSource;
    this.entityManagerFactory = entityManagerFactory;
    this.commitFlush = commitFlush;
  }

  /** Connects, migrates the schema and validates the entity mapping against it. */
  public static Database open(DatabaseSettings settings, List<Class<?>> entityClasses) {
    HikariDataSource dataSource = pool(settings);
    try {
      migrate(dataSource);
      return new Database(
          dataSource,
          entityManagerFactory(dataSource, entityClasses),
          settings.isH2() ? CommitFlush.checkpointing(dataSource) : CommitFlush.NONE);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariDataSource pool(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("storybank");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    config.setDriverClassName(
        settings.isPostgres() ? "org.postgresql.Driver" : driverFor(settings.url()));
    return new HikariDataSource(config);
  }

  private static String driverFor(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "org.h2.Driver";
    }
    throw new IllegalArgumentException(
        "Unsupported database URL '" + url + "': use jdbc:h2:… or jdbc:postgresql:…");
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private static EntityManagerFactory entityManagerFactory(
      DataSource dataSource, List<Class<?>> entityClasses) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
            .applySetting(
                AvailableSettings.JTA_PLATFORM,
                "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
            .applySetting(AvailableSettings.ORDER_INSERTS, true)
            .applySetting(AvailableSettings.ORDER_UPDATES, true)
            .applySetting(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 100)
            .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
            .applySetting(AvailableSettings.XML_MAPPING_ENABLED, false)
            .applySetting(AvailableSettings.SHOW_SQL, false)
            .build();
    MetadataSources sources = new MetadataSources(registry);
    entityClasses.forEach(sources::addAnnotatedClass);
    try {
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  public EntityManagerFactory entityManagerFactory() {
    return entityManagerFactory;
  }

  /** Runs work in transactions whose commits are durable once they return. */
  public Transactions transactions() {
    return new Transactions(entityManagerFactory, commitFlush);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    entityManagerFactory.close();
    dataSource.close();
  }
}
