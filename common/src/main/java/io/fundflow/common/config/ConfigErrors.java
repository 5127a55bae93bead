package io.fundflow.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Collects every configuration problem of a process instead of stopping at the first, so one
 * start-up attempt reports them all. Each process builds its configuration record in one place:
 *
 * <pre>{@code
 * static RealtimeConfig from(Settings s) {
 *   return ConfigErrors.collect(errors -> new RealtimeConfig(
 *       errors.get(() -> s.hostPorts("kafka.bootstrap.servers")),
 *       errors.getInt(() -> s.intValue("flink.parallelism", 2, 1, 256)),
 *       errors.get(() -> s.localTime("stream.start", LocalTime.of(8, 45)))));
 * }
 * }</pre>
 *
 * A getter that fails records its problem and returns a placeholder (null, 0, false); the
 * placeholders never escape, because {@link #collect} then throws one {@link ConfigException}
 * listing every problem.
 */
public final class ConfigErrors {

  private final List<String> problems = new ArrayList<>();

  private ConfigErrors() {}

  /**
   * Runs {@code build} and returns its result when no getter failed; otherwise throws one {@link
   * ConfigException} with every problem. An exception from {@code build} itself after problems were
   * recorded (e.g. a record constructor refusing a placeholder) is suppressed into it.
   */
  public static <C> C collect(Function<ConfigErrors, C> build) {
    ConfigErrors errors = new ConfigErrors();
    C result;
    try {
      result = build.apply(errors);
    } catch (RuntimeException e) {
      if (errors.problems.isEmpty()) {
        throw e;
      }
      ConfigException all = new ConfigException(errors.problems);
      all.addSuppressed(e);
      throw all;
    }
    errors.throwIfAny();
    return result;
  }

  /** The value, or null after recording the problem. */
  public <T> T get(Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** The value, or 0 after recording the problem. */
  public int getInt(IntSupplier getter) {
    try {
      return getter.getAsInt();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return 0;
    }
  }

  /** The value, or 0 after recording the problem. */
  public long getLong(LongSupplier getter) {
    try {
      return getter.getAsLong();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return 0;
    }
  }

  /** The value, or false after recording the problem. */
  public boolean getBoolean(BooleanSupplier getter) {
    try {
      return getter.getAsBoolean();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return false;
    }
  }

  /** Records a rule across keys, e.g. "stream.stop must be after stream.start", when violated. */
  public void require(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
  }

  /** The problems recorded so far. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws one exception listing every problem recorded, if any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
