package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The members of one JSON object read by {@link StreamingEnvelopeReader}, in arrival order, held in
 * two parallel arrays instead of a hash map. A row image has a dozen members, and the names Jackson
 * hands out are interned, so a linear scan (identity first) beats hashing and allocates no entry
 * per member. The scan runs from the last member back, so a repeated name reads as its last value,
 * as Jackson's own {@code ObjectNode} does.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {

  private String[] names;
  private JsonNode[] values;
  private int size;

  /**
   * @param capacity members expected: a row image's column count, a few for an envelope
   */
  FieldMap(int capacity) {
    names = new String[capacity];
    values = new JsonNode[capacity];
  }

  /** Appends a member; a repeated name hides the earlier value from {@link #get}. */
  void add(String name, JsonNode value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  @Override
  public JsonNode get(Object key) {
    for (int i = size - 1; i >= 0; i--) {
      if (names[i] == key) {
        return values[i];
      }
    }
    for (int i = size - 1; i >= 0; i--) {
      if (names[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** Only for diagnostics (toString, equals): the members with repeated names collapsed. */
  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      copy.put(names[i], values[i]);
    }
    return copy.entrySet();
  }
}
