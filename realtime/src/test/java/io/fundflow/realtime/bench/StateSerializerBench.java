package io.fundflow.realtime.bench;

import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.fundflow.JournalVersion;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.realtime.types.CustomerDayAccumulatorSerializer;
import io.fundflow.realtime.types.JournalVersionSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;

/**
 * The fund-flow job's two big keyed states, serialized the old way (POJO serializer, Kryo) and
 * with the compact serializers, in the same JVM, alternating rounds: time per value to write them
 * into a checkpoint-like stream (the heap backend's snapshot), to read them back (every RocksDB
 * access) and their size. The states are those the realtime bench's workload leaves (same
 * generator), so the figures are those of one full heap snapshot of that run.
 *
 * <p>{@code java -cp <test classpath> io.fundflow.realtime.bench.StateSerializerBench [flows]}
 */
public final class StateSerializerBench {

  private StateSerializerBench() {}

  /** Copies into a buffer like the checkpoint streams do, byte by byte when called so. */
  private static final class BufferingStream extends OutputStream {
    private final byte[] buffer = new byte[4096];
    private int pos;
    long bytes;

    @Override
    public void write(int b) {
      if (pos == buffer.length) {
        pos = 0;
      }
      buffer[pos++] = (byte) b;
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = 0; i < len; ) {
        if (pos == buffer.length) {
          pos = 0;
        }
        int n = Math.min(len - i, buffer.length - pos);
        System.arraycopy(b, off + i, buffer, pos, n);
        pos += n;
        i += n;
      }
      bytes += len;
    }
  }

  public static void main(String[] args) throws Exception {
    int flows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    BenchWorkload w =
        BenchWorkload.generate(7, 7, LocalDate.of(2026, 12, 3), flows, Math.max(1_000, flows / 20), 1);
    Map<String, JournalVersion> versions = new LinkedHashMap<>();
    Map<CustomerDayKey, CustomerDayAccumulator> days = new LinkedHashMap<>();
    for (BenchWorkload.Change c : w.changes()) {
      FundJournalEntry row = c.row();
      versions.put(row.primaryKey(), new JournalVersion(new SourcePosition(c.scn(), 0), c.after()));
      if (c.before() != null) {
        var f = FundFlowBuilder.build(c.before(), Optional.empty(), Optional.empty());
        days.computeIfAbsent(CustomerDayKey.of(f), CustomerDayAccumulator::new).retract(f);
      }
      if (c.after() != null) {
        var f = FundFlowBuilder.build(c.after(), Optional.empty(), Optional.empty());
        days.computeIfAbsent(CustomerDayKey.of(f), CustomerDayAccumulator::new).add(f);
      }
    }
    List<JournalVersion> vs = new ArrayList<>(versions.values());
    List<CustomerDayAccumulator> accs = new ArrayList<>(days.values());
    SerializerConfigImpl config = new SerializerConfigImpl();
    TypeSerializer<JournalVersion> pojo = TypeInformation.of(JournalVersion.class).createSerializer(config);
    TypeSerializer<CustomerDayAccumulator> kryo = new KryoSerializer<>(CustomerDayAccumulator.class, config);
    System.out.printf("%,d journal versions, %,d customer-day accumulators%n", vs.size(), accs.size());
    System.out.println("| state | serializer | write ns/value | read ns/value | bytes/value |");
    System.out.println("|---|---|---|---|---|");
    for (int round = 0; round < 5; round++) {
      boolean print = round >= 2; // the first rounds warm the JIT up
      measure("journal-version", "POJO (main)", pojo, vs, print);
      measure("journal-version", "compact", JournalVersionSerializer.INSTANCE, vs, print);
      measure("customer-day", "Kryo (main)", kryo, accs, print);
      measure("customer-day", "compact", CustomerDayAccumulatorSerializer.INSTANCE, accs, print);
    }
  }

  private static <T> void measure(
      String state, String name, TypeSerializer<T> s, List<T> values, boolean print)
      throws IOException {
    BufferingStream stream = new BufferingStream();
    DataOutputViewStreamWrapper out = new DataOutputViewStreamWrapper(stream);
    long t0 = System.nanoTime();
    for (T v : values) {
      s.serialize(v, out);
    }
    long write = System.nanoTime() - t0;
    DataOutputSerializer bytes = new DataOutputSerializer(1 << 20);
    for (T v : values) {
      s.serialize(v, bytes);
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes.getSharedBuffer(), 0, bytes.length());
    long t1 = System.nanoTime();
    long sink = 0;
    for (int i = 0; i < values.size(); i++) {
      sink += s.deserialize(in).hashCode() & 1;
    }
    long read = System.nanoTime() - t1;
    if (print) {
      System.out.printf("| %s | %s | %.0f | %.0f | %.1f |%s%n", state, name,
          (double) write / values.size(), (double) read / values.size(),
          (double) stream.bytes / values.size(), sink < 0 ? "!" : "");
    }
  }
}
