package io.fundflow.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.scheduler.quartz.QuartzScheduling;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Two scheduler instances on one database (the stack's H2, Quartz's clustered JDBC store as the
 * service configures it): every fire of a repeating trigger, and a trigger that misfired while no
 * instance ran, execute exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class ClusteredTriggerIT {

  /** One execution: which instance ran which scheduled fire of which trigger. */
  record Fire(String instance, String trigger, long scheduledAt) {}

  /** Records its executions. */
  @DisallowConcurrentExecution
  static final class RecordingJob implements Job {
    private final ConcurrentLinkedQueue<Fire> fires;

    RecordingJob(ConcurrentLinkedQueue<Fire> fires) {
      this.fires = fires;
    }

    @Override
    public void execute(JobExecutionContext context) {
      try {
        fires.add(
            new Fire(
                context.getScheduler().getSchedulerInstanceId(),
                context.getTrigger().getKey().getName(),
                context.getScheduledFireTime().getTime()));
        Thread.sleep(50);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void twoInstancesFireEachTriggerOnce(StackEndpoints stack) throws Exception {
    String name = "cluster-it-" + ThreadLocalRandom.current().nextLong(1L << 40);
    ConcurrentLinkedQueue<Fire> fires = new ConcurrentLinkedQueue<>();
    List<Scheduler> instances = new ArrayList<>();
    try {
      for (String id : List.of("a", "b")) {
        Properties p =
            QuartzScheduling.properties(
                name, id, stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(),
                "org.quartz.impl.jdbcjobstore.StdJDBCDelegate", 2000);
        Scheduler s = new StdSchedulerFactory(p).getScheduler();
        s.setJobFactory((bundle, sched) -> new RecordingJob(fires));
        instances.add(s);
      }
      Scheduler a = instances.get(0);
      a.addJob(JobBuilder.newJob(RecordingJob.class).withIdentity("rec").storeDurably().build(), true);
      // Misfired while no instance ran: due two minutes ago, fire-now on recovery.
      a.scheduleJob(
          TriggerBuilder.newTrigger()
              .withIdentity("misfired")
              .forJob("rec")
              .startAt(new Date(System.currentTimeMillis() - 120_000))
              .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
              .build());
      a.scheduleJob(
          TriggerBuilder.newTrigger()
              .withIdentity("every-second")
              .forJob("rec")
              .startAt(new Date(System.currentTimeMillis() + 3000))
              .withSchedule(
                  SimpleScheduleBuilder.repeatSecondlyForTotalCount(8)
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build());
      for (Scheduler s : instances) {
        s.start();
      }
      long deadline = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < deadline
          && fires.stream().filter(f -> f.trigger().equals("every-second")).count() < 8) {
        Thread.sleep(250);
      }
      Thread.sleep(3000); // a duplicate would show up within a few more seconds
      Map<String, Long> perFire =
          fires.stream()
              .collect(Collectors.groupingBy(f -> f.trigger() + "@" + f.scheduledAt(), Collectors.counting()));
      assertTrue(perFire.values().stream().allMatch(n -> n == 1), "each fire once: " + fires);
      assertEquals(1, fires.stream().filter(f -> f.trigger().equals("misfired")).count(), fires.toString());
      assertTrue(
          fires.stream().filter(f -> f.trigger().equals("every-second")).count() >= 7,
          "the repeating trigger fired (a late start may drop one tick): " + fires);
      System.out.println(
          "fires per instance: "
              + fires.stream().collect(Collectors.groupingBy(Fire::instance, Collectors.counting())));
    } finally {
      if (!instances.isEmpty()) {
        instances.get(0).clear(); // the jobs and triggers of this test's scheduler name only
      }
      for (Scheduler s : instances) {
        s.shutdown(true);
      }
    }
  }
}
