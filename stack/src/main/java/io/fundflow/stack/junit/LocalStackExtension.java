package io.fundflow.stack.junit;

import io.fundflow.stack.LocalStack;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests the real local stack: {@code @ExtendWith(LocalStackExtension.class)},
 * then take a {@link StackEndpoints} parameter (or the {@link LocalStack} itself, to act on its
 * processes).
 *
 * <p>The stack comes up once per test JVM (port offset 100, home {@code
 * target/fundflow-test-stack}; override with {@code FUNDFLOW_TEST_PORT_OFFSET} and {@code
 * FUNDFLOW_TEST_HOME}, the health deadline of 300 s per service with {@code
 * FUNDFLOW_TEST_START_TIMEOUT_SECONDS}, other settings as for {@code ./platform}), and is
 * bootstrapped. A stack that
 * already answers on those ports is reused and left running; what this extension started is stopped
 * when the JVM's tests end.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

  /** Port offset of the test stack, so it never collides with the demo stack. */
  public static final int DEFAULT_PORT_OFFSET = 100;

  private static final Namespace NAMESPACE = Namespace.create(LocalStackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == StackEndpoints.class || type == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningStack stack = running(context);
    return parameter.getParameter().getType() == LocalStack.class
        ? stack.stack()
        : stack.endpoints();
  }

  private static RunningStack running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunningStack.class, key -> RunningStack.start(System.getenv()), RunningStack.class);
  }

  /** The stack of this test JVM; closing it stops only what it started. */
  @SuppressWarnings("deprecation") // CloseableResource: the root-store contract of JUnit 5.13.
  static final class RunningStack implements ExtensionContext.Store.CloseableResource {

    private final LocalStack stack;
    private final List<Service> started;

    private RunningStack(LocalStack stack, List<Service> started) {
      this.stack = stack;
      this.started = started;
    }

    static RunningStack start(Map<String, String> env) {
      StackHome home =
          new StackHome(
              Path.of(env.getOrDefault("FUNDFLOW_TEST_HOME", "target/fundflow-test-stack")));
      String offset =
          env.getOrDefault("FUNDFLOW_TEST_PORT_OFFSET", Integer.toString(DEFAULT_PORT_OFFSET));
      Path file = home.defaultConfigFile();
      // The test stack starts while Maven and test JVMs compete for the cores: a longer health
      // deadline than an operator's `up` (a guard against a hung server, not a performance check).
      String startTimeout = env.getOrDefault("FUNDFLOW_TEST_START_TIMEOUT_SECONDS", "300");
      StackSettings settings =
          StackSettings.load(
              Files.isReadable(file) ? file : null,
              env,
              Map.of("port.offset", offset, "start.timeout.seconds", startTimeout));
      LocalStack stack = new LocalStack(home, settings, new PrintWriter(System.out, true));
      List<Service> started = stack.allHealthy() ? List.of() : stack.up(List.of(Service.values()));
      stack.bootstrap(List.of(Service.values()));
      return new RunningStack(stack, started);
    }

    StackEndpoints endpoints() {
      return stack.endpoints();
    }

    LocalStack stack() {
      return stack;
    }

    @Override
    public void close() {
      stack.stop(started);
    }
  }
}
