package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The scales a Debezium schema wrapper declares for the {@code
 * org.apache.kafka.connect.data.Decimal} fields of one row image ({@code before} or {@code after}).
 * A Debezium {@code precise} decimal is base64 of the unscaled bytes: without its scale it cannot
 * be read, so the scale must come from here.
 */
final class DecimalScales {

  /** No schema, or a schema without Decimal fields. */
  static final DecimalScales NONE = new DecimalScales(Map.of());

  /** The column is not declared as a Kafka Connect Decimal. */
  static final int NOT_DECLARED = -1;

  /**
   * The column is declared as a Decimal, but its {@code scale} parameter is absent or unreadable.
   */
  static final int SCALE_MISSING = -2;

  private static final String CONNECT_DECIMAL = "org.apache.kafka.connect.data.Decimal";
  private static final int MAX_SCALE = 38;

  private final Map<String, Integer> scales;

  private DecimalScales(Map<String, Integer> scales) {
    this.scales = scales;
  }

  /**
   * Reads the Decimal scales of image {@code imageField} from a wrapper schema: {@code
   * schema.fields[field == imageField].fields[i].parameters.scale}.
   */
  static DecimalScales fromSchema(JsonNode schema, String imageField) {
    if (schema == null || !schema.isObject()) {
      return NONE;
    }
    JsonNode fields = schema.get("fields");
    if (fields == null || !fields.isArray()) {
      return NONE;
    }
    for (JsonNode image : fields) {
      JsonNode name = image.get("field");
      if (name != null && imageField.equals(name.textValue())) {
        return fromStruct(image);
      }
    }
    return NONE;
  }

  private static DecimalScales fromStruct(JsonNode struct) {
    JsonNode columns = struct.get("fields");
    if (columns == null || !columns.isArray()) {
      return NONE;
    }
    Map<String, Integer> found = null;
    for (JsonNode column : columns) {
      JsonNode typeName = column.get("name");
      JsonNode columnName = column.get("field");
      if (typeName == null
          || !CONNECT_DECIMAL.equals(typeName.textValue())
          || columnName == null
          || !columnName.isTextual()) {
        continue;
      }
      if (found == null) {
        found = new HashMap<>();
      }
      found.put(columnName.textValue(), scaleParameter(column.get("parameters")));
    }
    return found == null ? NONE : new DecimalScales(found);
  }

  private static int scaleParameter(JsonNode parameters) {
    if (parameters == null || !parameters.isObject()) {
      return SCALE_MISSING;
    }
    JsonNode scale = parameters.get("scale");
    long value = NumberText.position(scale); // Connect writes parameters as strings: "2"
    return value >= 0 && value <= MAX_SCALE ? (int) value : SCALE_MISSING;
  }

  /** The declared scale (>= 0), {@link #SCALE_MISSING}, or {@link #NOT_DECLARED}. */
  int scaleOf(String column) {
    Integer scale = scales.get(column);
    return scale == null ? NOT_DECLARED : scale;
  }
}
