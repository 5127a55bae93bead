package io.fundflow.scheduler.quartz;

import io.fundflow.scheduler.plan.CorrectionDecision;
import io.fundflow.scheduler.service.SchedulerService;
import java.time.Duration;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Launches the nightly correction of the day due. When a stream job still runs, it schedules
 * itself again a few minutes later (a one-shot trigger) instead of waiting on a Quartz thread.
 */
@DisallowConcurrentExecution
public final class CorrectionJob implements Job {

  static final Duration DEFER = Duration.ofMinutes(5);

  private final SchedulerService service;

  public CorrectionJob(SchedulerService service) {
    this.service = service;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    CorrectionDecision.Verdict verdict = service.correctDue();
    if (verdict != CorrectionDecision.Verdict.DEFER) {
      return;
    }
    Trigger retry =
        TriggerBuilder.newTrigger()
            .withIdentity("correction-deferred-" + System.currentTimeMillis(), QuartzScheduling.GROUP)
            .forJob(context.getJobDetail().getKey())
            .startAt(new Date(System.currentTimeMillis() + DEFER.toMillis()))
            // A deferred correction is still owed after a scheduler outage: fire it on return.
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    try {
      context.getScheduler().scheduleJob(retry);
    } catch (SchedulerException e) {
      throw new JobExecutionException("cannot defer the correction", e);
    }
  }
}
