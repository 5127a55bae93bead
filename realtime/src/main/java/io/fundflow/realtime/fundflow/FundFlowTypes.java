package io.fundflow.realtime.fundflow;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.MoneyType;
import io.fundflow.realtime.decode.ChangeLogTypes;
import io.fundflow.realtime.kafka.KafkaMessage;
import io.fundflow.realtime.types.ChangeSerializers;
import io.fundflow.realtime.types.RowMutationSerializer;
import io.fundflow.realtime.types.RowSerializers;
import io.fundflow.realtime.types.SerializerTypeInfo;
import io.fundflow.realtime.types.StateKeySerializer;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Explicit Flink type information for the fund-flow job's stream types, so that no record between
 * its operators goes through Kryo: extraction alone takes the records as POJOs but leaves their
 * {@code LocalDateTime} fields, and {@link RowMutation}'s cells, to Kryo. A test checks every
 * field is declared (round trip) and none is generic.
 *
 * <p>The keyed state of the dimension versions keeps the types it was written with; the journal
 * versions and the customer-day accumulator have compact serializers of their own whose snapshots
 * migrate older savepoints ({@code io.fundflow.realtime.types}).
 */
public final class FundFlowTypes {

  /** A DWD flow: a hand-written serializer, as for the journal entries it is built from. */
  public static final TypeInformation<FundFlow> FUND_FLOW =
      new SerializerTypeInfo<>(FundFlow.class, RowSerializers.FlowSerializer.INSTANCE);

  /** A journal change after versioning: a hand-written serializer (network only). */
  public static final TypeInformation<JournalChange> JOURNAL_CHANGE =
      new SerializerTypeInfo<>(JournalChange.class, ChangeSerializers.JournalChangeSerializer.INSTANCE);

  /** A DWD flow change: a hand-written serializer (network only). */
  public static final TypeInformation<FlowChange> FLOW_CHANGE =
      new SerializerTypeInfo<>(FlowChange.class, ChangeSerializers.FlowChangeSerializer.INSTANCE);

  /** A customer-day key. */
  public static final TypeInformation<CustomerDayKey> CUSTOMER_DAY_KEY =
      Types.POJO(
          CustomerDayKey.class,
          Map.of(
              "clientId", Types.STRING,
              "initDate", Types.INT,
              "moneyType", Types.ENUM(MoneyType.class)));

  /** A retract / add of one customer-day: a hand-written serializer (network only). */
  public static final TypeInformation<DayDelta> DAY_DELTA =
      new SerializerTypeInfo<>(DayDelta.class, ChangeSerializers.DayDeltaSerializer.INSTANCE);

  /** A category's total in a summary. */
  public static final TypeInformation<CategoryTotal> CATEGORY_TOTAL =
      Types.POJO(CategoryTotal.class, Map.of("sum", Types.BIG_DEC, "count", Types.LONG));

  /** A customer-day summary. */
  public static final TypeInformation<CustomerDaySummary> CUSTOMER_DAY_SUMMARY =
      Types.POJO(
          CustomerDaySummary.class,
          Map.of(
              "key", CUSTOMER_DAY_KEY,
              "inflow", Types.BIG_DEC,
              "outflow", Types.BIG_DEC,
              "net", Types.BIG_DEC,
              "entryCount", Types.LONG,
              "byCategory", Types.MAP(Types.ENUM(Category.class), CATEGORY_TOTAL),
              "lastPostBalance", Types.BIG_DEC,
              "lastOccurTime", Types.LOCAL_DATE_TIME,
              "lastSerialNo", Types.LONG));

  /** A customer-day summary update. */
  public static final TypeInformation<CustomerDayUpdate> CUSTOMER_DAY_UPDATE =
      Types.POJO(
          CustomerDayUpdate.class,
          Map.of("key", CUSTOMER_DAY_KEY, "summary", CUSTOMER_DAY_SUMMARY, "version", Types.LONG));

  /**
   * The String keys of the keyed operators (journal row, client, customer-day): Flink's String
   * format, written in one call at every heap snapshot instead of one call per character.
   */
  public static final TypeInformation<String> STATE_KEY =
      new SerializerTypeInfo<>(String.class, StateKeySerializer.INSTANCE);

  /** An HBase write. */
  public static final TypeInformation<RowMutation> ROW_MUTATION =
      new SerializerTypeInfo<>(RowMutation.class, RowMutationSerializer.INSTANCE);

  /** A message for the job's Kafka sink (already Flink's own serializers all the way down). */
  public static final TypeInformation<KafkaMessage> KAFKA_MESSAGE = TypeInformation.of(KafkaMessage.class);

  private FundFlowTypes() {}
}
