package io.fundflow.stack.bootstrap;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the platform database schema up to date with Flyway, from the versioned scripts in
 * {@code common}'s {@code db/migration}; the same scripts run on H2 (Oracle mode) and Oracle.
 */
public final class DatabaseMigrations {

  /** Where the scripts live on the classpath. */
  public static final String LOCATION = "classpath:db/migration";

  private final String url;
  private final String user;
  private final String password;

  public DatabaseMigrations(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Applies pending migrations; returns one line per migration applied. */
  public List<String> apply() {
    MigrateResult result =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(url, user, password)
            .locations(LOCATION)
            .load()
            .migrate();
    return result.migrations.stream()
        .map(m -> "applied migration V" + m.version + " " + m.description)
        .toList();
  }
}
