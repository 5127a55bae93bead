package io.fundflow.realtime.types;

import static io.fundflow.realtime.types.StateCodec.readDateTime;
import static io.fundflow.realtime.types.StateCodec.readDecimal;
import static io.fundflow.realtime.types.StateCodec.readEnum;
import static io.fundflow.realtime.types.StateCodec.readInt;
import static io.fundflow.realtime.types.StateCodec.readLong;
import static io.fundflow.realtime.types.StateCodec.readString;
import static io.fundflow.realtime.types.StateCodec.writeDateTime;
import static io.fundflow.realtime.types.StateCodec.writeDecimal;
import static io.fundflow.realtime.types.StateCodec.writeEnum;
import static io.fundflow.realtime.types.StateCodec.writeInt;
import static io.fundflow.realtime.types.StateCodec.writeLong;
import static io.fundflow.realtime.types.StateCodec.writeString;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The compact binary form of the job's two row records, field by field in declaration order: a
 * journal entry (in the journal-version state and between tasks) and a DWD flow (between tasks).
 */
final class RowCodec {

  // Presence and value bits of a flow's boolean and optional fields.
  private static final int SIGN_MISMATCH = 1;
  private static final int HAS_CUSTOMER_BRANCH = 2;
  private static final int HAS_RISK_LEVEL = 4;
  private static final int HAS_KEY_CLIENT = 8;
  private static final int KEY_CLIENT = 16;

  private RowCodec() {}

  /** A journal entry's fields; part of the journal-version state format, never reorder them. */
  static void writeEntry(DataOutputView out, FundJournalEntry e) throws IOException {
    writeInt(out, e.initDate());
    writeLong(out, e.serialNo());
    writeDateTime(out, e.occurTime());
    writeString(out, e.clientId());
    writeString(out, e.fundAccount());
    writeInt(out, e.branchNo());
    writeEnum(out, e.moneyType());
    writeInt(out, e.businessFlag());
    writeDecimal(out, e.occurBalance());
    writeDecimal(out, e.postBalance());
    writeString(out, e.channel());
    writeString(out, e.remark());
  }

  static FundJournalEntry readEntry(DataInputView in) throws IOException {
    return new FundJournalEntry(
        readInt(in),
        readLong(in),
        readDateTime(in),
        readString(in),
        readString(in),
        readInt(in),
        readEnum(in, MoneyType.class),
        readInt(in),
        readDecimal(in),
        readDecimal(in),
        readString(in),
        readString(in));
  }

  /** A DWD flow's fields (network only: never kept in state). */
  static void writeFlow(DataOutputView out, FundFlow f) throws IOException {
    writeInt(out, f.initDate());
    writeLong(out, f.serialNo());
    writeDateTime(out, f.occurTime());
    writeString(out, f.clientId());
    writeString(out, f.fundAccount());
    writeInt(out, f.branchNo());
    writeEnum(out, f.moneyType());
    writeInt(out, f.businessFlag());
    writeDecimal(out, f.occurBalance());
    writeDecimal(out, f.postBalance());
    writeString(out, f.channel());
    writeString(out, f.remark());
    writeEnum(out, f.category());
    writeEnum(out, f.direction());
    out.writeByte(
        (f.signMismatch() ? SIGN_MISMATCH : 0)
            | (f.customerBranchNo() != null ? HAS_CUSTOMER_BRANCH : 0)
            | (f.riskLevel() != null ? HAS_RISK_LEVEL : 0)
            | (f.keyClient() != null ? HAS_KEY_CLIENT : 0)
            | (Boolean.TRUE.equals(f.keyClient()) ? KEY_CLIENT : 0));
    if (f.customerBranchNo() != null) {
      writeInt(out, f.customerBranchNo());
    }
    if (f.riskLevel() != null) {
      writeInt(out, f.riskLevel());
    }
    writeString(out, f.clientName());
    writeString(out, f.channelName());
  }

  static FundFlow readFlow(DataInputView in) throws IOException {
    int initDate = readInt(in);
    long serialNo = readLong(in);
    var occurTime = readDateTime(in);
    String clientId = readString(in);
    String fundAccount = readString(in);
    int branchNo = readInt(in);
    MoneyType moneyType = readEnum(in, MoneyType.class);
    int businessFlag = readInt(in);
    var occurBalance = readDecimal(in);
    var postBalance = readDecimal(in);
    String channel = readString(in);
    String remark = readString(in);
    Category category = readEnum(in, Category.class);
    Direction direction = readEnum(in, Direction.class);
    int bits = in.readUnsignedByte();
    Integer customerBranchNo = (bits & HAS_CUSTOMER_BRANCH) != 0 ? readInt(in) : null;
    Integer riskLevel = (bits & HAS_RISK_LEVEL) != 0 ? readInt(in) : null;
    Boolean keyClient = (bits & HAS_KEY_CLIENT) != 0 ? (bits & KEY_CLIENT) != 0 : null;
    return new FundFlow(
        initDate,
        serialNo,
        occurTime,
        clientId,
        fundAccount,
        branchNo,
        moneyType,
        businessFlag,
        occurBalance,
        postBalance,
        channel,
        remark,
        category,
        direction,
        (bits & SIGN_MISMATCH) != 0,
        customerBranchNo,
        riskLevel,
        keyClient,
        readString(in),
        readString(in));
  }
}
