package io.fundflow.scheduler.quartz;

import io.fundflow.scheduler.calendar.QuartzTradingCalendar;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.scheduler.service.SchedulerConfig;
import io.fundflow.scheduler.service.SchedulerService;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * The Quartz side: a clustered JDBC job store on the platform database (HikariCP pool), the trading
 * calendar, and the triggers.
 *
 * <table>
 *   <caption>Triggers and their misfire instructions</caption>
 *   <tr><td>reconcile (every {@code scheduler.reconcile.interval}, default a minute)</td>
 *       <td>next-with-remaining-count: missed ticks are dropped, the next tick reconciles from the
 *       current state anyway</td></tr>
 *   <tr><td>stream-start (cron, trading calendar)</td><td>fire-and-proceed: a start missed while the
 *       scheduler was down runs once on return; the reconcile then decides (nothing after the stop
 *       time or on a holiday)</td></tr>
 *   <tr><td>stream-stop (cron, trading calendar)</td><td>fire-and-proceed: a missed stop runs once
 *       on return</td></tr>
 *   <tr><td>correction (cron, trading calendar)</td><td>fire-and-proceed: a missed correction runs
 *       on return, for the latest trading day due</td></tr>
 * </table>
 */
public final class QuartzScheduling {

  public static final String GROUP = "fundflow";
  public static final String CALENDAR = "trading";
  static final JobKey RECONCILE = JobKey.jobKey("reconcile", GROUP);
  static final JobKey CORRECTION = JobKey.jobKey("correction", GROUP);

  private QuartzScheduling() {}

  /** Quartz's properties for a clustered JDBC store on {@code dbUrl}. */
  public static Properties properties(
      String schedulerName,
      String instanceId,
      String dbUrl,
      String dbUser,
      String dbPassword,
      String delegate,
      int checkinMs) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
    p.setProperty("org.quartz.scheduler.instanceId", instanceId);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "3");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate);
    p.setProperty("org.quartz.jobStore.dataSource", "platform");
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Integer.toString(checkinMs));
    // Without it a recovered misfire once ran on two instances (RECIPES.md): take the lock first.
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.dataSource.platform.provider", "hikaricp");
    p.setProperty("org.quartz.dataSource.platform.driver", driverOf(dbUrl));
    p.setProperty("org.quartz.dataSource.platform.URL", dbUrl);
    p.setProperty("org.quartz.dataSource.platform.user", dbUser);
    p.setProperty("org.quartz.dataSource.platform.password", dbPassword);
    p.setProperty("org.quartz.dataSource.platform.maxConnections", "5");
    return p;
  }

  static String driverOf(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "org.h2.Driver";
    }
    if (url.startsWith("jdbc:oracle:")) {
      return "oracle.jdbc.OracleDriver";
    }
    throw new IllegalArgumentException("no known JDBC driver for " + url);
  }

  /** A scheduler (not started) whose jobs get {@code service} through their constructor. */
  public static Scheduler create(Properties properties, SchedulerService service)
      throws SchedulerException {
    Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
    scheduler.setJobFactory(jobFactory(service));
    return scheduler;
  }

  static JobFactory jobFactory(SchedulerService service) {
    return (bundle, scheduler) -> {
      Class<? extends Job> type = bundle.getJobDetail().getJobClass();
      if (type == ReconcileJob.class) {
        return new ReconcileJob(service);
      }
      if (type == CorrectionJob.class) {
        return new CorrectionJob(service);
      }
      throw new SchedulerException("unknown job class " + type);
    };
  }

  /**
   * Registers the calendar, jobs and triggers. An existing trigger is kept (so its misfire state
   * survives a restart) unless its schedule changed in the configuration.
   */
  public static void install(Scheduler scheduler, SchedulerConfig config, SchedulerService service)
      throws SchedulerException {
    MarketWindow w = config.window();
    scheduler.addCalendar(
        CALENDAR, new QuartzTradingCalendar(service.calendar(), w.zone()), true, true);
    JobDetail reconcile =
        JobBuilder.newJob(ReconcileJob.class).withIdentity(RECONCILE).storeDurably().build();
    JobDetail correction =
        JobBuilder.newJob(CorrectionJob.class).withIdentity(CORRECTION).storeDurably().build();
    if (!scheduler.checkExists(RECONCILE)) {
      scheduler.addJob(reconcile, false);
    }
    if (!scheduler.checkExists(CORRECTION)) {
      scheduler.addJob(correction, false);
    }
    for (Trigger t : triggers(w, config.reconcileInterval())) {
      Trigger existing = scheduler.getTrigger(t.getKey());
      if (existing == null) {
        scheduler.scheduleJob(t);
      } else if (!sameSchedule(existing, t)) {
        scheduler.rescheduleJob(t.getKey(), t);
      }
    }
  }

  private static boolean sameSchedule(Trigger a, Trigger b) {
    if (a instanceof org.quartz.CronTrigger ca && b instanceof org.quartz.CronTrigger cb) {
      return ca.getCronExpression().equals(cb.getCronExpression())
          && ca.getTimeZone().getID().equals(cb.getTimeZone().getID());
    }
    if (a instanceof org.quartz.SimpleTrigger sa && b instanceof org.quartz.SimpleTrigger sb) {
      return sa.getRepeatInterval() == sb.getRepeatInterval();
    }
    return a.getClass().equals(b.getClass());
  }

  /** The four triggers, in the market's zone. */
  static java.util.List<Trigger> triggers(MarketWindow w, java.time.Duration reconcileInterval) {
    TimeZone zone = TimeZone.getTimeZone(w.zone());
    Trigger every =
        TriggerBuilder.newTrigger()
            .withIdentity("reconcile-every-minute", GROUP)
            .forJob(RECONCILE)
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(reconcileInterval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    return java.util.List.of(
        every,
        cron("stream-start", RECONCILE, w.start(), zone),
        cron("stream-stop", RECONCILE, w.stop(), zone),
        cron("correction", CORRECTION, w.correction(), zone));
  }

  private static Trigger cron(String name, JobKey job, LocalTime at, TimeZone zone) {
    String expression = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " ? * MON-FRI";
    return TriggerBuilder.newTrigger()
        .withIdentity(name, GROUP)
        .forJob(job)
        .modifiedByCalendar(CALENDAR)
        .withSchedule(
            CronScheduleBuilder.cronSchedule(expression)
                .inTimeZone(zone)
                .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  /** Each of our triggers' next fire time. */
  public static Map<String, String> nextFireTimes(Scheduler scheduler) {
    Map<String, String> next = new LinkedHashMap<>();
    try {
      for (TriggerKey key :
          scheduler.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(GROUP))) {
        Trigger t = scheduler.getTrigger(key);
        if (t != null && t.getNextFireTime() != null) {
          next.put(key.getName(), t.getNextFireTime().toInstant().toString());
        }
      }
    } catch (SchedulerException e) {
      next.put("error", e.getMessage());
    }
    return next;
  }
}
