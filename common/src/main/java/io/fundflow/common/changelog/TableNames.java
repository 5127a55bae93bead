package io.fundflow.common.changelog;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the {@link SourceTable} an envelope or a topic names. The exact names arrive on every
 * record, so they are looked up in a map first; other spellings go through {@link
 * SourceTable#byName}.
 */
final class TableNames {

  private final Map<String, SourceTable> byExactName;
  private final Map<String, SourceTable> byTopic;

  TableNames() {
    Map<String, SourceTable> names = new HashMap<>();
    Map<String, SourceTable> topics = new HashMap<>();
    for (SourceTable t : SourceTable.values()) {
      names.put(t.name(), t);
      topics.put(t.odsTopic(), t);
    }
    this.byExactName = Map.copyOf(names);
    this.byTopic = Map.copyOf(topics);
  }

  /** The table an envelope names (bare or schema-qualified, any case), or null. */
  SourceTable byName(String name) {
    SourceTable exact = byExactName.get(name);
    if (exact != null) {
      return exact;
    }
    // CTS.FUND_JOURNAL on every GoldenGate record: its bare part, when exact, is what byName finds.
    SourceTable bare =
        name == null ? null : byExactName.get(name.substring(name.lastIndexOf('.') + 1));
    return bare != null ? bare : SourceTable.byName(name).orElse(null);
  }

  /** The table whose ODS topic this is, or null (also for a null topic). */
  SourceTable byTopic(String topic) {
    return topic == null ? null : byTopic.get(topic);
  }
}
