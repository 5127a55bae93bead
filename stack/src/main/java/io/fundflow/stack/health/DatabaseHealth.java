package io.fundflow.stack.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** The database is healthy when a SQL round trip works ({@code SELECT 1 FROM dual}, H2 and Oracle). */
public final class DatabaseHealth implements HealthCheck {

  private final String url;
  private final String user;
  private final String password;

  public DatabaseHealth(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public void check() throws Exception {
    DriverManager.setLoginTimeout(5);
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1 FROM dual")) {
      if (!rows.next() || rows.getInt(1) != 1) {
        throw new IllegalStateException("SELECT 1 FROM dual returned no 1");
      }
    }
  }
}
