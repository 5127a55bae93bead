package io.fundflow.batch.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import scala.reflect.ClassTag;

/**
 * The correction shuffle's serializer: its keys and values are all byte arrays (rowkeys, flow
 * JSON), written as a length and the bytes. Java serialization, Spark's default, wrote each record
 * as a {@code Tuple2} of two array objects with their class descriptors; reading them back took
 * 72 of the reduce side's 521 samples in a profile of the bench. Kryo is not an option: the Kryo 5
 * that Flink brings clashes with Spark's in one JVM (the parity test's; docs/batch.md).
 */
public final class BytePairSerializer extends Serializer implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Override
  public SerializerInstance newInstance() {
    return new Instance();
  }

  /** Each record stands alone (no stream header, no back-references), so Spark may move it. */
  @Override
  public boolean supportsRelocationOfSerializedObjects() {
    return true;
  }

  private static byte[] bytes(Object o) {
    if (o instanceof byte[] b) {
      return b;
    }
    throw new IllegalArgumentException(
        "BytePairSerializer writes byte arrays only, not " + (o == null ? "null" : o.getClass()));
  }

  private static final class Instance extends SerializerInstance {

    @Override
    public <T> ByteBuffer serialize(T t, ClassTag<T> tag) {
      byte[] b = bytes(t);
      return (ByteBuffer) ByteBuffer.allocate(Integer.BYTES + b.length).putInt(b.length).put(b).flip();
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes, ClassTag<T> tag) {
      byte[] b = new byte[bytes.getInt()];
      bytes.get(b);
      @SuppressWarnings("unchecked")
      T t = (T) b;
      return t;
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes, ClassLoader loader, ClassTag<T> tag) {
      return deserialize(bytes, tag);
    }

    @Override
    public SerializationStream serializeStream(OutputStream s) {
      return new Out(s);
    }

    @Override
    public DeserializationStream deserializeStream(InputStream s) {
      return new In(s);
    }
  }

  private static final class Out extends SerializationStream {
    private final DataOutputStream out;

    Out(OutputStream s) {
      this.out = new DataOutputStream(s);
    }

    @Override
    public <T> SerializationStream writeObject(T t, ClassTag<T> tag) {
      byte[] b = bytes(t);
      try {
        out.writeInt(b.length);
        out.write(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class In extends DeserializationStream {
    private final DataInputStream in;

    In(InputStream s) {
      this.in = new DataInputStream(s);
    }

    /**
     * The next array. At the stream's clean end (between two records) it throws the {@code
     * EOFException} that Spark's iterators take as the end, undeclared as Scala code does; a record
     * cut short fails the task instead, so a truncated shuffle file never reads as a shorter one.
     */
    @Override
    public <T> T readObject(ClassTag<T> tag) {
      int first;
      try {
        first = in.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (first < 0) {
        throw sneaky(new EOFException());
      }
      try {
        int length =
            first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        if (length < 0) {
          throw new IOException("corrupt shuffle record: length " + length);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        @SuppressWarnings("unchecked")
        T t = (T) b;
        return t;
      } catch (EOFException e) {
        throw new UncheckedIOException(new IOException("shuffle record cut short", e));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Throws a checked exception undeclared, as Scala code does; Spark's iterators catch it. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
