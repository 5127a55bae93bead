package io.fundflow.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One value of a streamed JSON object read as the type a codec expects, or an {@code
 * IllegalArgumentException} naming the field; shared by the codecs' streaming decoders. {@code
 * what} names the document in messages ("fund-flow JSON").
 */
final class StreamedValues {

  private static final JsonFactory FACTORY = new JsonFactory();

  private StreamedValues() {}

  /** Takes one field's value; the parser stands on its first token. */
  @FunctionalInterface
  interface FieldReader {
    void read(String name, JsonToken first, JsonParser p) throws IOException;
  }

  /**
   * Streams {@code json}'s one object through {@code fields}, field by field; a null value is an
   * absent field and is not passed on.
   *
   * @throws IllegalArgumentException when the bytes are not one JSON object
   */
  static void readObject(byte[] json, String what, FieldReader fields) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a " + what + ": no object");
      }
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NULL) {
          fields.read(name, t, p);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IllegalArgumentException("not a " + what + ": trailing content");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a " + what + ": " + e.getMessage(), e);
    }
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }

  static String string(String what, String field, JsonToken t, JsonParser p) throws IOException {
    expect(what, field, t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  static int integer(String what, String field, JsonToken t, JsonParser p) throws IOException {
    expect(what, field, t, JsonToken.VALUE_NUMBER_INT);
    return p.getIntValue();
  }

  static long longValue(String what, String field, JsonToken t, JsonParser p) throws IOException {
    expect(what, field, t, JsonToken.VALUE_NUMBER_INT);
    return p.getLongValue();
  }

  static boolean bool(String what, String field, JsonToken t) {
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw new IllegalArgumentException("not a " + what + ": " + field + " is not a boolean");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  static void expect(String what, String field, JsonToken actual, JsonToken wanted) {
    if (actual != wanted) {
      throw new IllegalArgumentException(
          "not a " + what + ": " + field + " is " + actual + ", not " + wanted);
    }
  }
}
