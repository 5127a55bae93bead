package io.fundflow.realtime.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

class StateKeySerializerTest {

  /** Keys as the job builds them, and strings no key should hold but the format must survive. */
  private static List<String> keys() {
    List<String> keys = new ArrayList<>(List.of("", "20261119/700001", "C0001/20261119/CNY", "张三/李四", "\u0000", "\uD83D\uDE00", "\uD800x", "\u07FF\u0800\uFFFF"));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(200);
      for (int j = 0; j < length; j++) {
        s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
      }
      keys.add(s.toString());
    }
    keys.add("k".repeat(20_000));
    return keys;
  }

  private static byte[] written(TypeSerializer<String> serializer, String key, boolean stream)
      throws IOException {
    if (stream) {
      // What the heap backend's snapshot writes into.
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputView out = new DataOutputViewStreamWrapper(bytes);
      serializer.serialize(key, out);
      return bytes.toByteArray();
    }
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(key, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void writesExactlyTheBytesOfFlinksStringSerializerAndReadsThemBack() throws IOException {
    for (String key : keys()) {
      for (boolean stream : new boolean[] {true, false}) {
        byte[] flink = written(StringSerializer.INSTANCE, key, stream);
        byte[] ours = written(StateKeySerializer.INSTANCE, key, stream);
        assertArrayEquals(flink, ours, key);
        assertEquals(key, StateKeySerializer.INSTANCE.deserialize(new DataInputDeserializer(flink)));
      }
    }
  }

  @Test
  void stateKeyedWithFlinksStringSerializerIsCompatibleAsIs() {
    var compatibility =
        StateKeySerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(StringSerializer.INSTANCE.snapshotConfiguration());
    assertTrue(compatibility.isCompatibleAsIs(), compatibility.toString());
    assertTrue(
        StateKeySerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(StateKeySerializer.INSTANCE.snapshotConfiguration())
            .isCompatibleAsIs());
  }
}
