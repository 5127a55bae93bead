package io.fundflow.generator;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The generator command's endpoints, read once from {@link Settings} (file, {@code FUNDFLOW_*}
 * environment, {@code -D} overrides); command-line options win over them.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>kafka.bootstrap.servers</td><td>where the change log goes (absent: not sent)</td></tr>
 *   <tr><td>db.url / db.user / db.password</td><td>the platform database for {@code --day-end jdbc}</td></tr>
 * </table>
 *
 * @param kafkaBootstrap Kafka bootstrap servers, if configured
 * @param dbUrl JDBC URL, if configured
 * @param dbUser database user
 * @param dbPassword database password
 */
record GeneratorConfig(
    Optional<String> kafkaBootstrap, Optional<String> dbUrl, String dbUser, String dbPassword) {

  static GeneratorConfig from(Settings s) {
    return ConfigErrors.collect(
        errors ->
            new GeneratorConfig(
                Optional.ofNullable(
                    errors.get(
                        () ->
                            s.has("kafka.bootstrap.servers")
                                ? s.hostPorts("kafka.bootstrap.servers").stream()
                                    .map(HostPort::toString)
                                    .collect(Collectors.joining(","))
                                : null)),
                Optional.ofNullable(errors.get(() -> s.optionalString("db.url").orElse(null))),
                errors.get(() -> s.string("db.user", "fundflow")),
                errors.get(() -> s.string("db.password", ""))));
  }

  @Override
  public String toString() {
    // Never print the password.
    return "GeneratorConfig[kafka=" + kafkaBootstrap + ", db=" + dbUrl + ", user=" + dbUser + "]";
  }
}
