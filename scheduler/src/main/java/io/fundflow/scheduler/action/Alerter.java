package io.fundflow.scheduler.action;

/** Tells a human that something needs attention. */
public interface Alerter {

  /** Sends an alert; never throws (an alert channel that is down must not stop the scheduler). */
  void alert(String subject, String message);
}
