package io.fundflow.scheduler.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fundflow.scheduler.action.ConsumerLag;
import io.fundflow.scheduler.action.CorrectionLauncher;
import io.fundflow.scheduler.action.StreamJobActions;
import io.fundflow.scheduler.action.WebhookAlerter;
import io.fundflow.scheduler.calendar.TradingCalendar;
import io.fundflow.scheduler.calendar.TradingCalendarFiles;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.store.SchedulerStore;
import java.time.Clock;
import java.time.Year;

/** Wires the service from a configuration and a clock; closes the pool and the Kafka admin. */
public final class SchedulerRuntime implements AutoCloseable {

  private final HikariDataSource db;
  private final ConsumerLag kafka;
  private final SchedulerService service;
  private final SchedulerStore store;

  public SchedulerRuntime(SchedulerConfig config, Clock clock) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.dbUrl());
    hc.setUsername(config.dbUser());
    hc.setPassword(config.dbPassword());
    hc.setMaximumPoolSize(3);
    hc.setPoolName("scheduler-store");
    this.db = new HikariDataSource(hc);
    this.store = new SchedulerStore(db);
    this.kafka = new ConsumerLag(config.kafkaBootstrapServers());
    int year = Year.now(clock).getValue();
    TradingCalendar calendar =
        config
            .calendarDir()
            .map(TradingCalendarFiles::load)
            .orElseGet(() -> TradingCalendarFiles.bundled(year - 1, year, year + 1));
    WebhookAlerter alerter = new WebhookAlerter(config.alertWebhook());
    FlinkRestClient flink = new FlinkRestClient(config.flinkRestUrl());
    this.service =
        new SchedulerService(
            config,
            calendar,
            flink,
            store,
            new StreamJobActions(config, flink, store, kafka, alerter, clock),
            kafka,
            config.correctionCommand().map(c -> new CorrectionLauncher(c, config.correctionTimeout())),
            alerter,
            clock);
  }

  /** The service. */
  public SchedulerService service() {
    return service;
  }

  /** The store. */
  public SchedulerStore store() {
    return store;
  }

  @Override
  public void close() {
    kafka.close();
    db.close();
  }
}
