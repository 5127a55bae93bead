package io.fundflow.generator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One simulated trading day: the change log in send order, the authoritative day-end data, and the
 * faults by which the first differs from the second.
 */
public record GeneratedDay(
    GeneratorSettings settings,
    List<TimedChange> changeLog,
    DayEndData dayEnd,
    FaultManifest faults) {

  public GeneratedDay {
    changeLog = List.copyOf(changeLog);
  }

  /** Messages per ODS topic, sorted by topic. */
  public Map<String, Long> messagesPerTopic() {
    Map<String, Long> counts = new TreeMap<>();
    changeLog.forEach(c -> counts.merge(c.topic(), 1L, Long::sum));
    return counts;
  }

  /** Messages of one kind. */
  public long count(ChangeKind kind) {
    return changeLog.stream().filter(c -> c.kind() == kind).count();
  }
}
