package io.fundflow.realtime.types;

import static io.fundflow.realtime.types.StateCodec.readLong;
import static io.fundflow.realtime.types.StateCodec.readVarLong;
import static io.fundflow.realtime.types.StateCodec.writeLong;
import static io.fundflow.realtime.types.StateCodec.writeVarLong;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.fundflow.JournalVersion;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of the {@link JournalVersion} kept per journal row: its source position and the
 * row as of that change (absent once deleted). The POJO serializer it replaces wrote every string
 * char by char and every field with a null marker at each checkpoint.
 *
 * <p>Format 1: a format byte (0 for null), a presence byte (bit 0 position, bit 1 entry), the
 * position, then the entry's fields in declaration order.
 */
public final class JournalVersionSerializer extends ImmutableTypeSerializer<JournalVersion> {

  private static final long serialVersionUID = 1L;

  /** The one instance: it holds no state. */
  public static final JournalVersionSerializer INSTANCE = new JournalVersionSerializer();

  // A leading byte per value lets a later format read this one value by value, without a
  // migration of the whole state.
  private static final int NULL = 0;
  private static final int FORMAT_1 = 1;
  private static final int HAS_POSITION = 1;
  private static final int HAS_ENTRY = 2;

  @Override
  public void serialize(JournalVersion v, DataOutputView out) throws IOException {
    StateCodec.writeBuffered(v, out, JournalVersionSerializer::write);
  }

  private static void write(JournalVersion v, DataOutputView out) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(FORMAT_1);
    SourcePosition p = v.position();
    FundJournalEntry e = v.entry();
    out.writeByte((p != null ? HAS_POSITION : 0) | (e != null ? HAS_ENTRY : 0));
    if (p != null) {
      writeVarLong(out, p.position());
      writeLong(out, p.commitTimeMillis());
    }
    if (e != null) {
      RowCodec.writeEntry(out, e);
    }
  }

  @Override
  public JournalVersion deserialize(DataInputView in) throws IOException {
    int format = in.readUnsignedByte();
    if (format == NULL) {
      return null;
    }
    if (format != FORMAT_1) {
      throw new IOException("unknown journal-version state format " + format);
    }
    int present = in.readUnsignedByte();
    SourcePosition p = null;
    if ((present & HAS_POSITION) != 0) {
      p = new SourcePosition(readVarLong(in), readLong(in));
    }
    FundJournalEntry e = null;
    if ((present & HAS_ENTRY) != 0) {
      e = RowCodec.readEntry(in);
    }
    return new JournalVersion(p, e);
  }

  @Override
  public TypeSerializerSnapshot<JournalVersion> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer's snapshot; migrates state the POJO serializer wrote before this one existed. */
  public static final class Snapshot extends MigratingSnapshot<JournalVersion> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
