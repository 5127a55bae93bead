package io.fundflow.realtime.decode;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.types.ChangeSerializers;
import io.fundflow.realtime.types.RowSerializers;
import io.fundflow.realtime.types.SerializerTypeInfo;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.OutputTag;

/** Flink type information and side-output tags for the decoded change log, one per table. */
public final class ChangeLogTypes {

  /** A source position. */
  public static final TypeInformation<SourcePosition> POSITION =
      Types.POJO(
          SourcePosition.class, Map.of("position", Types.LONG, "commitTimeMillis", Types.LONG));

  /**
   * A FUND_JOURNAL row: a hand-written serializer (the POJO one wrote a null marker per field and
   * rebuilt the record reflectively on each of its network hops).
   */
  public static final TypeInformation<FundJournalEntry> JOURNAL_ENTRY =
      new SerializerTypeInfo<>(FundJournalEntry.class, RowSerializers.JournalEntrySerializer.INSTANCE);

  /** A FUND_JOURNAL change: a hand-written serializer too (network only). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final TypeInformation<RowChange<FundJournalEntry>> JOURNAL =
      new SerializerTypeInfo<>(
          (Class) RowChange.class, ChangeSerializers.JournalRowChangeSerializer.INSTANCE);

  public static final TypeInformation<RowChange<Customer>> CUSTOMER =
      TypeInformation.of(new TypeHint<>() {});
  public static final TypeInformation<RowChange<Channel>> CHANNEL =
      TypeInformation.of(new TypeHint<>() {});
  public static final TypeInformation<RowChange<AdvisoryContract>> CONTRACT =
      TypeInformation.of(new TypeHint<>() {});
  public static final TypeInformation<RowChange<AdvisoryOrder>> ORDER =
      TypeInformation.of(new TypeHint<>() {});

  public static final OutputTag<RowChange<FundJournalEntry>> JOURNAL_TAG =
      new OutputTag<>("fund-journal", JOURNAL);
  public static final OutputTag<RowChange<Customer>> CUSTOMER_TAG =
      new OutputTag<>("customer", CUSTOMER);
  public static final OutputTag<RowChange<Channel>> CHANNEL_TAG = new OutputTag<>("channel", CHANNEL);
  public static final OutputTag<RowChange<AdvisoryContract>> CONTRACT_TAG =
      new OutputTag<>("advisory-contract", CONTRACT);
  public static final OutputTag<RowChange<AdvisoryOrder>> ORDER_TAG =
      new OutputTag<>("advisory-order", ORDER);

  public static final TypeInformation<DeadLetter> DEAD_LETTER = TypeInformation.of(DeadLetter.class);

  private ChangeLogTypes() {}
}
