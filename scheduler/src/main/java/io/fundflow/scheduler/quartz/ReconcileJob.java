package io.fundflow.scheduler.quartz;

import io.fundflow.scheduler.service.SchedulerService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Reconciles the stream jobs, then launches an overdue correction: fired every reconcile interval,
 * and at the start and stop times. Never overlaps itself (a stop may take minutes); idempotent, so
 * a fire that happens twice does nothing twice.
 */
@DisallowConcurrentExecution
public final class ReconcileJob implements Job {

  private final SchedulerService service;

  public ReconcileJob(SchedulerService service) {
    this.service = service;
  }

  @Override
  public void execute(JobExecutionContext context) {
    service.reconcile();
    service.correctOverdue();
  }
}
