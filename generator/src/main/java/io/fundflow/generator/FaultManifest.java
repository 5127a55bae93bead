package io.fundflow.generator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every fault the generated stream carries, in serial order: what the correction must fix. */
public record FaultManifest(List<Fault> faults) {

  public FaultManifest {
    faults = List.copyOf(faults);
  }

  /** The faults of one kind. */
  public List<Fault> of(FaultKind kind) {
    return faults.stream().filter(f -> f.kind() == kind).toList();
  }

  /** The customers hit by any fault, sorted. */
  public Set<String> clientIds() {
    Set<String> ids = new TreeSet<>();
    faults.forEach(f -> ids.add(f.clientId()));
    return ids;
  }

  /** Number of faults. */
  public int size() {
    return faults.size();
  }
}
