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
    return exact != null ? exact : SourceTable.byName(name).orElse(null);
  }

  /** The table whose ODS topic this is, or null (also for a null topic). */
  SourceTable byTopic(String topic) {
    return topic == null ? null : byTopic.get(topic);
  }
}
