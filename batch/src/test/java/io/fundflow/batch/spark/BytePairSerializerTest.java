package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

class BytePairSerializerTest {

  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.Any();

  @Test
  void pairsComeBackAsWrittenAndTheStreamEndsAfterTheLast() {
    Random r = new Random(5);
    List<byte[]> written = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] b = new byte[i % 7 == 0 ? 0 : r.nextInt(600)]; // empty values are markers' values
      r.nextBytes(b);
      written.add(b);
    }
    byte[] stream = write(written);

    scala.collection.Iterator<Tuple2<Object, Object>> read =
        instance().deserializeStream(new ByteArrayInputStream(stream)).asKeyValueIterator();
    List<byte[]> back = new ArrayList<>();
    while (read.hasNext()) {
      Tuple2<Object, Object> kv = read.next();
      back.add((byte[]) kv._1());
      back.add((byte[]) kv._2());
    }
    assertEquals(written.size(), back.size());
    for (int i = 0; i < written.size(); i++) {
      assertArrayEquals(written.get(i), back.get(i), "record " + i);
    }
  }

  @Test
  void aRecordCutShortFailsRatherThanEndingTheStream() {
    byte[] stream = write(List.of(new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7}));
    for (int cut = 1; cut < stream.length; cut++) {
      if (cut == 7) {
        continue; // between the two records: a clean end after one key, tested below
      }
      byte[] shorter = Arrays.copyOf(stream, cut);
      DeserializationStream in = instance().deserializeStream(new ByteArrayInputStream(shorter));
      int at = cut;
      assertThrows(
          UncheckedIOException.class,
          () -> {
            in.readObject(ANY);
            in.readObject(ANY);
          },
          "cut at " + at);
    }
    DeserializationStream oneKey =
        instance().deserializeStream(new ByteArrayInputStream(Arrays.copyOf(stream, 7)));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) oneKey.readObject(ANY));
    assertFalse(
        instance().deserializeStream(new ByteArrayInputStream(new byte[0])).asIterator().hasNext());
  }

  @Test
  void anythingButAByteArrayIsRefused() {
    SerializationStream out = instance().serializeStream(new ByteArrayOutputStream());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> out.writeObject("text", ANY));
    assertTrue(e.getMessage().contains("String"), e.getMessage());
  }

  @Test
  void singleValuesRoundTripThroughBuffers() {
    byte[] b = {9, 8, 7};
    ByteBuffer buf = instance().serialize(b, ANY);
    assertArrayEquals(b, (byte[]) instance().deserialize(buf, ANY));
  }

  private static SerializerInstance instance() {
    return new BytePairSerializer().newInstance();
  }

  private static byte[] write(List<byte[]> arrays) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = instance().serializeStream(bytes);
    for (byte[] a : arrays) {
      out.writeObject(a, ANY);
    }
    out.close();
    return bytes.toByteArray();
  }
}
