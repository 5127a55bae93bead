package io.fundflow.demo;

import io.fundflow.common.time.SimulatedClock;
import io.fundflow.generator.ChangeLogPublisher;
import io.fundflow.generator.GeneratedDay;
import io.fundflow.scheduler.action.ConsumerLag;
import io.fundflow.scheduler.flink.FlinkJob;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.flink.JobState;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.scheduler.plan.StreamJob;
import io.fundflow.scheduler.service.SchedulerConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The demo's progress line: simulated clock, market phase, messages sent, rows HBase serves,
 * consumer lag and the stream jobs' states.
 */
final class Progress implements AutoCloseable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Clock clock;
  private final ChangeLogPublisher publisher;
  private final GeneratedDay day;
  private final ServedRows served;
  private final FlinkRestClient flink;
  private final SchedulerConfig config;
  private final PrintStream out;
  private final ConsumerLag lag;

  Progress(
      Clock clock,
      ChangeLogPublisher publisher,
      GeneratedDay day,
      ServedRows served,
      FlinkRestClient flink,
      SchedulerConfig config,
      PrintStream out) {
    this.clock = clock;
    this.publisher = publisher;
    this.day = day;
    this.served = served;
    this.flink = flink;
    this.config = config;
    this.out = out;
    this.lag = new ConsumerLag(config.kafkaBootstrapServers());
  }

  /** The simulated time of day and phase, e.g. {@code 09:41:12 morning session}. */
  static String clockText(Clock clock) {
    var t = clock.instant().atZone(MarketWindow.SHANGHAI).toLocalTime();
    boolean held = clock instanceof SimulatedClock s && s.held();
    return TIME.format(t) + " " + MarketPhase.at(t).label() + (held ? " (clock held)" : "");
  }

  void print(LocalDate tradingDay) {
    StringBuilder line = new StringBuilder(String.format("%-28s", clockText(clock)));
    line.append(String.format(" | sent %,d/%,d", publisher.progress().sent(), day.changeLog().size()));
    try {
      line.append(
          String.format(
              " | HBase %,d flows, %,d summaries",
              served.detailRows(tradingDay), served.summaryRows(initDate(tradingDay))));
    } catch (Exception e) {
      line.append(" | HBase ?");
    }
    List<String> jobs = new ArrayList<>();
    try {
      List<FlinkJob> live = flink.jobs();
      for (StreamJob job : config.jobs()) {
        String state =
            live.stream()
                .filter(j -> j.name().equals(job.flinkName()) && !j.state().terminal())
                .map(Progress::stateText)
                .findFirst()
                .orElse("-");
        OptionalLong behind = state.equals("-") ? OptionalLong.empty() : lag.lag(config.groupId(job));
        jobs.add(
            job.argument() + " " + state
                + (behind.isPresent() ? " lag " + behind.getAsLong() : ""));
      }
    } catch (RuntimeException e) {
      jobs.add("jobs ?");
    }
    line.append(" | ").append(String.join(", ", jobs));
    out.println(line);
  }

  /** A job's state, with its tasks while not all of them run yet. */
  private static String stateText(FlinkJob j) {
    if (j.state() == JobState.RUNNING && !j.fullyRunning()) {
      return "RUNNING " + j.tasksRunning() + "/" + j.tasksTotal() + " tasks";
    }
    return j.state().name();
  }

  @Override
  public void close() {
    lag.close();
  }

  private static int initDate(LocalDate d) {
    return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }
}
