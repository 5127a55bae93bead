package io.fundflow.stack;

import io.fundflow.stack.config.Service;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@code status} reports for one service.
 *
 * @param service the service
 * @param port the port clients use
 * @param pids PIDs of its running processes (empty when stopped)
 * @param expectedProcesses how many processes it runs when complete
 * @param external true for a configured Oracle that the stack does not start
 * @param healthy whether its health check passed just now
 * @param residentKib summed VmRSS of its processes, when known
 * @param secondsToHealthy how long its last start took to become healthy, when recorded
 */
public record ServiceStatus(
    Service service,
    int port,
    List<Long> pids,
    int expectedProcesses,
    boolean external,
    boolean healthy,
    OptionalLong residentKib,
    OptionalDouble secondsToHealthy) {

  /** A one-word state: healthy, unhealthy, partial (a process is missing) or stopped. */
  public String state() {
    if (pids.isEmpty() && !external) {
      return "stopped";
    }
    if (!external && pids.size() < expectedProcesses) {
      return "partial";
    }
    return healthy ? "healthy" : "unhealthy";
  }
}
