package io.fundflow.realtime.types;

import io.fundflow.common.hbase.RowMutation;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link RowMutation}: table, rowkey, kind, version, then the cells in their
 * sorted order. Without it, the cells' {@code SortedMap} went through Kryo on every network hop.
 */
public final class RowMutationSerializer extends ImmutableTypeSerializer<RowMutation> {

  private static final long serialVersionUID = 1L;

  /** The one instance: it holds no state. */
  public static final RowMutationSerializer INSTANCE = new RowMutationSerializer();

  private static final RowMutation.Kind[] KINDS = RowMutation.Kind.values();

  @Override
  public void serialize(RowMutation m, DataOutputView out) throws IOException {
    out.writeUTF(m.table());
    out.writeInt(m.row().length);
    out.write(m.row());
    out.writeByte(m.kind().ordinal());
    out.writeLong(m.version());
    out.writeInt(m.cells().size());
    for (Map.Entry<String, byte[]> cell : m.cells().entrySet()) {
      out.writeUTF(cell.getKey());
      out.writeInt(cell.getValue().length);
      out.write(cell.getValue());
    }
  }

  @Override
  public RowMutation deserialize(DataInputView in) throws IOException {
    String table = in.readUTF();
    byte[] row = bytes(in);
    RowMutation.Kind kind = KINDS[in.readByte()];
    long version = in.readLong();
    int cellCount = in.readInt();
    TreeMap<String, byte[]> cells = new TreeMap<>();
    for (int i = 0; i < cellCount; i++) {
      cells.put(in.readUTF(), bytes(in));
    }
    return new RowMutation(table, row, kind, version, cells);
  }

  private static byte[] bytes(DataInputView in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }

  @Override
  public TypeSerializerSnapshot<RowMutation> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer's snapshot: no configuration, one format version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RowMutation> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
