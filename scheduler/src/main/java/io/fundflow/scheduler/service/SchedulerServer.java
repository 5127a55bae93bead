package io.fundflow.scheduler.service;

import io.fundflow.scheduler.quartz.QuartzScheduling;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * A running scheduler instance: the service on its clock, the clustered Quartz scheduler with the
 * platform's triggers, and the operators' REST endpoints. {@code run} and the demo both start it.
 */
public final class SchedulerServer implements AutoCloseable {

  private final SchedulerRuntime runtime;
  private final Scheduler quartz;
  private final OperatorApi api;

  private SchedulerServer(SchedulerRuntime runtime, Scheduler quartz, OperatorApi api) {
    this.runtime = runtime;
    this.quartz = quartz;
    this.api = api;
  }

  /** Starts an instance; {@code clock} is the system clock but for tests and the demo. */
  public static SchedulerServer start(SchedulerConfig config, Clock clock)
      throws SchedulerException, IOException {
    SchedulerRuntime runtime = new SchedulerRuntime(config, clock);
    Scheduler quartz = null;
    try {
      quartz =
          QuartzScheduling.create(
              QuartzScheduling.properties(
                  "fundflow-scheduler",
                  config.instanceId(),
                  config.dbUrl(),
                  config.dbUser(),
                  config.dbPassword(),
                  config.quartzDelegate(),
                  config.clusterCheckinMs()),
              runtime.service());
      QuartzScheduling.install(quartz, config, runtime.service());
      quartz.start();
      Scheduler q = quartz;
      OperatorApi api =
          config.httpPort() == 0
              ? null
              : new OperatorApi(
                  config.httpPort(), runtime.service(), () -> QuartzScheduling.nextFireTimes(q));
      return new SchedulerServer(runtime, quartz, api);
    } catch (SchedulerException | IOException | RuntimeException e) {
      if (quartz != null) {
        quartz.shutdown(false);
      }
      runtime.close();
      throw e;
    }
  }

  /** The service. */
  public SchedulerService service() {
    return runtime.service();
  }

  /** The store. */
  public io.fundflow.scheduler.store.SchedulerStore store() {
    return runtime.store();
  }

  /** The port of the operators' REST endpoints, when enabled. */
  public Optional<Integer> port() {
    return Optional.ofNullable(api).map(OperatorApi::port);
  }

  /** Stops the triggers, waits for running jobs (a stop or correction in flight), then closes. */
  @Override
  public void close() {
    try {
      if (api != null) {
        api.close();
      }
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz did not shut down cleanly", e);
    } finally {
      runtime.close();
    }
  }
}
