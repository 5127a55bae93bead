package io.fundflow.stack;

import io.fundflow.stack.bootstrap.StackBootstrap;
import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import io.fundflow.stack.health.HealthCheck;
import io.fundflow.stack.process.PortProbe;
import io.fundflow.stack.process.ProcessControl;
import io.fundflow.stack.server.JavaTool;
import io.fundflow.stack.server.LocalServer;
import io.fundflow.stack.server.ServerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The local stack under one home folder: brings services up (start, wait for health, bootstrap),
 * reports their status, and stops exactly the processes it started, by PID.
 */
public final class LocalStack {

  /** Start order: HBase first, because it takes longest to become healthy. */
  private static final List<Service> START_ORDER =
      List.of(Service.HBASE, Service.KAFKA, Service.DB, Service.FLINK);

  /** Stop order: the stream engine before what it writes to. */
  private static final List<Service> STOP_ORDER =
      List.of(Service.FLINK, Service.HBASE, Service.KAFKA, Service.DB);

  private final StackHome home;
  private final StackSettings settings;
  private final PrintWriter out;
  private final StackEndpoints endpoints;

  public LocalStack(StackHome home, StackSettings settings, PrintWriter out) {
    this.home = home;
    this.settings = settings;
    this.out = out;
    this.endpoints = StackEndpoints.of(settings);
  }

  public StackEndpoints endpoints() {
    return endpoints;
  }

  public StackHome home() {
    return home;
  }

  /**
   * Starts every requested service that is not running, waits until all answer their health
   * checks, and returns the services this call started. Healthy services are left alone. On any
   * failure, stops what this call started and throws a {@link StackException} naming the service
   * and its log file.
   */
  public List<Service> up(Collection<Service> requested) {
    List<Service> wanted = new ArrayList<>();
    for (Service service : Service.values()) {
      if (!requested.contains(service)) {
        continue;
      }
      if (service == Service.DB && settings.database().external()) {
        out.printf("%-6s external database %s: not started here%n", "db", endpoints.jdbcUrl());
      }
      wanted.add(service);
    }
    ProcessControl control = new ProcessControl(home, JavaTool.currentJava());
    List<Service> toStart = new ArrayList<>();
    for (Service service : wanted) {
      if (service == Service.DB && settings.database().external()) {
        continue;
      }
      List<ProcessHandle> running = runningProcesses(control, service);
      int expected = LocalServer.of(service).processNames().size();
      if (running.size() == expected) {
        continue;
      }
      if (!running.isEmpty()) {
        out.printf("%-6s incomplete (%d of %d processes): restarting it%n", service.cliName(),
            running.size(), expected);
        stop(List.of(service));
      }
      toStart.add(service);
    }
    checkPortsFree(toStart);

    JavaTool tool = new JavaTool(JavaTool.currentJava());
    Map<Service, List<Process>> started = new EnumMap<>(Service.class);
    Map<Service, Long> startNanos = new EnumMap<>(Service.class);
    for (Service service : START_ORDER) {
      if (!toStart.contains(service)) {
        continue;
      }
      try {
        LocalServer server = LocalServer.of(service);
        List<ServerProcess> processes = server.prepare(home, settings, tool);
        startNanos.put(service, System.nanoTime());
        List<Process> handles = new ArrayList<>();
        started.put(service, handles);
        for (ServerProcess process : processes) {
          handles.add(control.start(process));
        }
        out.printf("%-6s starting (log %s)%n", service.cliName(), logFiles(service));
      } catch (IOException | RuntimeException e) {
        stop(started.keySet());
        throw new StackException(
            service.cliName() + " could not be started: " + e.getMessage() + "\n  log: "
                + logFiles(service));
      }
    }

    List<Callable<Optional<String>>> waits = new ArrayList<>();
    for (Service service : wanted) {
      List<Process> ours = started.getOrDefault(service, List.of());
      long since = startNanos.getOrDefault(service, System.nanoTime());
      waits.add(() -> awaitHealthy(service, ours, since));
    }
    List<String> failures = inParallel(waits).stream().flatMap(Optional::stream).toList();
    if (!failures.isEmpty()) {
      if (!started.isEmpty()) {
        out.println("Stopping what this start began, after the failure.");
        stop(started.keySet());
      }
      throw new StackException(String.join("\n", failures));
    }
    return List.copyOf(toStart);
  }

  /**
   * Starts the processes of {@code service} that are not running, leaving its running ones alone
   * (unlike {@link #up}, which restarts an incomplete service whole), and waits until the service
   * answers its health check. Used to replace a lost Flink TaskManager under a running
   * JobManager. Returns the names of the processes it started.
   */
  public List<String> startMissing(Service service) {
    ProcessControl control = new ProcessControl(home, JavaTool.currentJava());
    JavaTool tool = new JavaTool(JavaTool.currentJava());
    List<String> startedNames = new ArrayList<>();
    List<Process> started = new ArrayList<>();
    long since = System.nanoTime();
    try {
      for (ServerProcess process : LocalServer.of(service).prepare(home, settings, tool)) {
        if (control.running(process).isEmpty()) {
          started.add(control.start(process));
          startedNames.add(process.name());
          out.printf("%-6s starting %s (log %s)%n", service.cliName(), process.name(),
              home.logFile(process.name()));
        }
      }
    } catch (IOException e) {
      throw new StackException(
          service.cliName() + " could not be started: " + e.getMessage() + "\n  log: "
              + logFiles(service));
    }
    awaitHealthy(service, started, since).ifPresent(problem -> {
      throw new StackException(problem);
    });
    return List.copyOf(startedNames);
  }

  /** The running process called {@code name} (e.g. {@code flink-taskmanager}), by its PID file. */
  public Optional<ProcessHandle> process(String name) {
    return new ProcessControl(home, JavaTool.currentJava()).running(name, marker(name));
  }

  /** Runs the idempotent bootstrap for {@code services}; they must be healthy. */
  public void bootstrap(Collection<Service> services) {
    try {
      new StackBootstrap(settings, endpoints, out).apply(services);
    } catch (Exception e) {
      throw new StackException("bootstrap failed: " + e);
    }
  }

  /** True when every service of this stack answers its health check now. */
  public boolean allHealthy() {
    List<Callable<Boolean>> checks = new ArrayList<>();
    for (Service service : Service.values()) {
      checks.add(() -> HealthCheck.of(service, endpoints).healthy());
    }
    return inParallel(checks).stream().allMatch(Boolean::booleanValue);
  }

  /**
   * Stops the given services' processes (graceful first, then killed after a timeout) and returns
   * the names of the processes it stopped.
   */
  public List<String> stop(Collection<Service> services) {
    ProcessControl control = new ProcessControl(home, JavaTool.currentJava());
    List<Callable<List<String>>> stops = new ArrayList<>();
    for (Service service : STOP_ORDER) {
      if (services.contains(service)) {
        stops.add(() -> stopService(control, service));
      }
    }
    return inParallel(stops).stream().flatMap(List::stream).toList();
  }

  /**
   * Stops everything running under this home; with {@code wipe}, deletes the data folder too.
   * Returns false when nothing was running.
   */
  public boolean down(boolean wipe) {
    List<String> stopped = stop(List.of(Service.values()));
    if (stopped.isEmpty()) {
      out.println("Nothing is running under " + home.root() + ".");
    }
    if (wipe) {
      ProcessControl control = new ProcessControl(home, JavaTool.currentJava());
      for (Service service : Service.values()) {
        if (!runningProcesses(control, service).isEmpty()) {
          throw new StackException(
              service.cliName() + " is still running; not wiping " + home.data());
        }
      }
      deleteRecursively(home.data());
      out.println("Wiped " + home.data() + ".");
    }
    return !stopped.isEmpty();
  }

  /** The status of each service, with a health check of those that run. */
  public List<ServiceStatus> status() {
    ProcessControl control = new ProcessControl(home, JavaTool.currentJava());
    List<Callable<ServiceStatus>> checks = new ArrayList<>();
    for (Service service : Service.values()) {
      checks.add(() -> statusOf(control, service));
    }
    return inParallel(checks);
  }

  private ServiceStatus statusOf(ProcessControl control, Service service) {
    boolean external = service == Service.DB && settings.database().external();
    List<ProcessHandle> running = runningProcesses(control, service);
    List<Long> pids = running.stream().map(ProcessHandle::pid).toList();
    boolean healthy =
        (external || !running.isEmpty()) && HealthCheck.of(service, endpoints).healthy();
    OptionalLong rss = OptionalLong.empty();
    if (!running.isEmpty()) {
      long sum = 0;
      for (ProcessHandle process : running) {
        sum += ProcessControl.residentKib(process.pid()).orElse(0);
      }
      rss = OptionalLong.of(sum);
    }
    return new ServiceStatus(
        service,
        settings.ports().of(service).get(0),
        pids,
        LocalServer.of(service).processNames().size(),
        external,
        healthy,
        rss,
        running.isEmpty() ? OptionalDouble.empty() : readSecondsToHealthy(service));
  }

  private List<String> stopService(ProcessControl control, Service service) {
    LocalServer server = LocalServer.of(service);
    List<String> names = new ArrayList<>(server.processNames());
    List<ProcessHandle> running = runningProcesses(control, service);
    if (running.isEmpty()) {
      return List.of();
    }
    Duration graceful = Duration.ofSeconds(30);
    if (service == Service.HBASE) {
      try {
        server.requestStop(home, settings, new JavaTool(JavaTool.currentJava()));
        ProcessControl.awaitExit(running.get(0), Duration.ofSeconds(60));
      } catch (IOException | RuntimeException e) {
        out.printf("%-6s clean shutdown failed (%s); signalling it%n", service.cliName(),
            firstLine(e.getMessage()));
      }
    }
    List<String> stopped = new ArrayList<>();
    // Reverse start order: the TaskManager before its JobManager.
    java.util.Collections.reverse(names);
    for (String name : names) {
      Optional<ProcessHandle> process = control.running(name, marker(name));
      long pid = process.map(ProcessHandle::pid).orElse(-1L);
      if (process.isEmpty()) {
        // Already gone (HBase after its clean shutdown): still counts as stopped by us.
        if (service == Service.HBASE && running.stream().anyMatch(h -> !ProcessControl.alive(h))) {
          stopped.add(name);
          out.printf("%-6s stopped %s%n", service.cliName(), name);
        }
        continue;
      }
      boolean killed = control.stop(process.get(), name, graceful);
      stopped.add(name);
      out.printf("%-6s stopped %s (pid %d%s)%n", service.cliName(), name, pid,
          killed ? ", killed after " + graceful.toSeconds() + " s" : "");
    }
    deleteQuietly(readyFile(service));
    return stopped;
  }

  private Optional<String> awaitHealthy(Service service, List<Process> ours, long sinceNanos) {
    HealthCheck check = HealthCheck.of(service, endpoints);
    long deadline = sinceNanos + settings.startTimeout().toNanos();
    String lastProblem = "no answer yet";
    while (true) {
      for (Process process : ours) {
        if (!process.isAlive()) {
          return Optional.of(
              service.cliName() + " failed to start: its process exited with code "
                  + process.exitValue() + ".\n  log: " + logFiles(service) + "\n" + logTail(service));
        }
      }
      boolean external = service == Service.DB && settings.database().external();
      int clientPort = settings.ports().of(service).get(0);
      try {
        // A cheap port probe first: clients that meet a closed port back off for seconds.
        if (!external && !PortProbe.inUse(clientPort)) {
          throw new IllegalStateException("port " + clientPort + " not open yet");
        }
        check.check();
        double seconds = (System.nanoTime() - sinceNanos) / 1e9;
        if (ours.isEmpty()) {
          out.printf("%-6s already running, healthy%n", service.cliName());
        } else {
          out.printf("%-6s healthy in %5.1f s (pid %s, port %d)%n", service.cliName(), seconds,
              ours.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(",")),
              settings.ports().of(service).get(0));
          writeSecondsToHealthy(service, seconds);
        }
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(service.cliName() + " start interrupted");
      } catch (Exception e) {
        lastProblem = firstLine(String.valueOf(e.getMessage()));
      }
      if (System.nanoTime() > deadline) {
        return Optional.of(
            service.cliName() + " is not healthy after " + settings.startTimeout().toSeconds()
                + " s (last: " + lastProblem + ").\n  log: " + logFiles(service) + "\n"
                + logTail(service));
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(service.cliName() + " start interrupted");
      }
    }
  }

  private void checkPortsFree(List<Service> toStart) {
    List<String> problems = new ArrayList<>();
    for (Service service : toStart) {
      for (int port : settings.ports().of(service)) {
        if (PortProbe.inUse(port)) {
          problems.add(
              service.cliName() + " cannot start: port " + port
                  + " is already in use (another program, or a stack under another home)."
                  + " Free it or choose another --port-offset.\n  log: " + logFiles(service));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StackException(String.join("\n", problems));
    }
  }

  /** The running processes of a service, as recorded in its PID files. */
  public List<ProcessHandle> runningProcesses(ProcessControl control, Service service) {
    List<ProcessHandle> running = new ArrayList<>();
    for (String name : LocalServer.of(service).processNames()) {
      control.running(name, marker(name)).ifPresent(running::add);
    }
    return running;
  }

  private String marker(String processName) {
    return ServerProcess.marker(home.root(), processName);
  }

  /** The log file(s) of a service. */
  public String logFiles(Service service) {
    return LocalServer.of(service).processNames().stream()
        .map(name -> home.logFile(name).toString())
        .collect(Collectors.joining(", "));
  }

  private String logTail(Service service) {
    StringBuilder tail = new StringBuilder();
    for (String name : LocalServer.of(service).processNames()) {
      try {
        List<String> lines = Files.readAllLines(home.logFile(name));
        lines.subList(Math.max(0, lines.size() - 8), lines.size())
            .forEach(line -> tail.append("  | ").append(line).append('\n'));
      } catch (IOException | RuntimeException unreadable) {
        // No log yet: the message above already names the file.
      }
    }
    return tail.toString();
  }

  private Path readyFile(Service service) {
    return home.run().resolve(service.cliName() + ".healthy-after-seconds");
  }

  private void writeSecondsToHealthy(Service service, double seconds) {
    try {
      Files.writeString(readyFile(service), String.format("%.1f%n", seconds));
    } catch (IOException ignored) {
      // Only a figure for status; the service itself is fine.
    }
  }

  private OptionalDouble readSecondsToHealthy(Service service) {
    try {
      return OptionalDouble.of(Double.parseDouble(Files.readString(readyFile(service)).trim()));
    } catch (IOException | RuntimeException missing) {
      return OptionalDouble.empty();
    }
  }

  /**
   * Runs the tasks on a thread each and returns their results in order. Not the common pool: on a
   * two-core machine it has one thread, which would serialise the waits.
   */
  private static <T> List<T> inParallel(List<Callable<T>> tasks) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(tasks)) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StackException(String.valueOf(e.getCause()));
    } finally {
      pool.shutdownNow();
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Stale figures are harmless.
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new StackException("could not delete " + root + ": " + e.getMessage());
    }
  }
}
