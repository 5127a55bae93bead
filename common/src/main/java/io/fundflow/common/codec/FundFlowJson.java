package io.fundflow.common.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import static io.fundflow.common.codec.FundFlowJsonView.Field.AMOUNT;
import static io.fundflow.common.codec.FundFlowJsonView.Field.BRANCH_NO;
import static io.fundflow.common.codec.FundFlowJsonView.Field.BUSINESS_FLAG;
import static io.fundflow.common.codec.FundFlowJsonView.Field.CATEGORY;
import static io.fundflow.common.codec.FundFlowJsonView.Field.CHANNEL;
import static io.fundflow.common.codec.FundFlowJsonView.Field.CHANNEL_NAME;
import static io.fundflow.common.codec.FundFlowJsonView.Field.CLIENT_ID;
import static io.fundflow.common.codec.FundFlowJsonView.Field.CLIENT_NAME;
import static io.fundflow.common.codec.FundFlowJsonView.Field.CUSTOMER_BRANCH_NO;
import static io.fundflow.common.codec.FundFlowJsonView.Field.DIRECTION;
import static io.fundflow.common.codec.FundFlowJsonView.Field.FUND_ACCOUNT;
import static io.fundflow.common.codec.FundFlowJsonView.Field.INIT_DATE;
import static io.fundflow.common.codec.FundFlowJsonView.Field.KEY_CLIENT;
import static io.fundflow.common.codec.FundFlowJsonView.Field.MONEY_TYPE;
import static io.fundflow.common.codec.FundFlowJsonView.Field.OCCUR_TIME;
import static io.fundflow.common.codec.FundFlowJsonView.Field.POST_BALANCE;
import static io.fundflow.common.codec.FundFlowJsonView.Field.REMARK;
import static io.fundflow.common.codec.FundFlowJsonView.Field.RISK_LEVEL;
import static io.fundflow.common.codec.FundFlowJsonView.Field.SERIAL_NO;
import static io.fundflow.common.codec.FundFlowJsonView.Field.SIGN_MISMATCH;
import static io.fundflow.common.codec.StreamedValues.bool;
import static io.fundflow.common.codec.StreamedValues.integer;
import static io.fundflow.common.codec.StreamedValues.longValue;
import static io.fundflow.common.codec.StreamedValues.required;
import static io.fundflow.common.codec.StreamedValues.string;

import io.fundflow.common.changelog.LocalTimestampText;
import io.fundflow.common.codec.FundFlowJsonView.Field;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The one serialized form of a DWD fund flow: the value on {@code dwd.fund_flow} and the detail
 * cell in HBase. Fields are written in a fixed order with amounts as exact decimal strings, so the
 * same flow always gives the same bytes — which is what lets the stream and the batch write
 * byte-identical rows.
 */
public final class FundFlowJson {

  private static final String WHAT = "fund-flow JSON";

  private static final byte[][] MONEY_TYPES = JsonBytes.enumNames(MoneyType.values());
  private static final byte[][] CATEGORIES = JsonBytes.enumNames(Category.values());
  private static final byte[][] DIRECTIONS = JsonBytes.enumNames(Direction.values());

  private FundFlowJson() {}

  /**
   * The flow as UTF-8 JSON bytes: fields in the order below, amounts as {@code toPlainString()}
   * strings, {@code occurTime} as {@code toString()}, the optional fields omitted when null.
   *
   * <p>Written by hand ({@link JsonBytes}), byte for byte as the Jackson generator that wrote the
   * cells already in HBase did; the bench module keeps that generator code as the oracle and
   * baseline ({@code JacksonEncoders}).
   */
  public static byte[] encode(FundFlow f) {
    JsonBytes w = JsonBytes.forThread();
    w.beginObject();
    name(w, INIT_DATE);
    w.value(f.initDate());
    name(w, SERIAL_NO);
    w.value(f.serialNo());
    name(w, OCCUR_TIME);
    w.value(f.occurTime());
    name(w, CLIENT_ID);
    w.value(f.clientId());
    name(w, FUND_ACCOUNT);
    w.value(f.fundAccount());
    name(w, BRANCH_NO);
    w.value(f.branchNo());
    name(w, MONEY_TYPE);
    w.encoded(MONEY_TYPES[f.moneyType().ordinal()]);
    name(w, BUSINESS_FLAG);
    w.value(f.businessFlag());
    name(w, AMOUNT);
    w.plainString(f.occurBalance());
    name(w, POST_BALANCE);
    w.plainString(f.postBalance());
    nullable(w, CHANNEL, f.channel());
    nullable(w, REMARK, f.remark());
    name(w, CATEGORY);
    w.encoded(CATEGORIES[f.category().ordinal()]);
    name(w, DIRECTION);
    w.encoded(DIRECTIONS[f.direction().ordinal()]);
    name(w, SIGN_MISMATCH);
    w.value(f.signMismatch());
    if (f.customerBranchNo() != null) {
      name(w, CUSTOMER_BRANCH_NO);
      w.value(f.customerBranchNo());
    }
    if (f.riskLevel() != null) {
      name(w, RISK_LEVEL);
      w.value(f.riskLevel());
    }
    if (f.keyClient() != null) {
      name(w, KEY_CLIENT);
      w.value(f.keyClient());
    }
    nullable(w, CLIENT_NAME, f.clientName());
    nullable(w, CHANNEL_NAME, f.channelName());
    w.endObject();
    return w.toByteArray();
  }

  /**
   * Reads bytes written by {@link #encode}: fields in any order, unknown fields ignored.
   *
   * <p>The nightly correction decodes every flow of the day, so this is hot. Bytes in encode's own
   * layout (every cell this code wrote) are read in place by {@link FundFlowJsonView}; others go
   * through a streaming parser, not a tree: building a {@code JsonNode} per flow was once the
   * larger part of the cost, and the parser itself, later, half of the correction's summary stage.
   *
   * @throws IllegalArgumentException when the bytes are not a fund flow
   */
  public static FundFlow decode(byte[] json) {
    // encode's own layout is read in place, several times faster; anything else, or a value the
    // view refuses, goes through the parser, which reads every layout and says what is wrong.
    Optional<FundFlowJsonView> view = FundFlowJsonView.of(json);
    if (view.isPresent()) {
      try {
        return view.get().flow();
      } catch (IllegalArgumentException e) {
        // the parser below decides, and names the problem
      }
    }
    return decodeAnyLayout(json);
  }

  /** {@link #decode} with a JSON parser: fields in any order, unknown fields ignored. */
  static FundFlow decodeAnyLayout(byte[] json) {
    Fields f = new Fields();
    StreamedValues.readObject(json, WHAT, f::read);
    try {
      return f.flow();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete fund-flow JSON: " + e.getMessage(), e);
    }
  }

  /** The fields of one flow as they are read; {@link #flow} checks the required ones. */
  private static final class Fields {
    private Integer initDate;
    private Long serialNo;
    private String occurTime;
    private String clientId;
    private String fundAccount;
    private Integer branchNo;
    private String moneyType;
    private Integer businessFlag;
    private String amount;
    private String postBalance;
    private String channel;
    private String remark;
    private String category;
    private String direction;
    private Boolean signMismatch;
    private Integer customerBranchNo;
    private Integer riskLevel;
    private Boolean keyClient;
    private String clientName;
    private String channelName;

    void read(String name, JsonToken t, JsonParser p) throws IOException {
      switch (name) {
        case "initDate" -> initDate = integer(WHAT, name, t, p);
        case "serialNo" -> serialNo = longValue(WHAT, name, t, p);
        case "occurTime" -> occurTime = string(WHAT, name, t, p);
        case "clientId" -> clientId = string(WHAT, name, t, p);
        case "fundAccount" -> fundAccount = string(WHAT, name, t, p);
        case "branchNo" -> branchNo = integer(WHAT, name, t, p);
        case "moneyType" -> moneyType = string(WHAT, name, t, p);
        case "businessFlag" -> businessFlag = integer(WHAT, name, t, p);
        case "amount" -> amount = string(WHAT, name, t, p);
        case "postBalance" -> postBalance = string(WHAT, name, t, p);
        case "channel" -> channel = string(WHAT, name, t, p);
        case "remark" -> remark = string(WHAT, name, t, p);
        case "category" -> category = string(WHAT, name, t, p);
        case "direction" -> direction = string(WHAT, name, t, p);
        case "signMismatch" -> signMismatch = bool(WHAT, name, t);
        case "customerBranchNo" -> customerBranchNo = integer(WHAT, name, t, p);
        case "riskLevel" -> riskLevel = integer(WHAT, name, t, p);
        case "keyClient" -> keyClient = bool(WHAT, name, t);
        case "clientName" -> clientName = string(WHAT, name, t, p);
        case "channelName" -> channelName = string(WHAT, name, t, p);
        default -> p.skipChildren(); // a field of a later version: ignored, as a tree read would
      }
    }

    FundFlow flow() {
      return new FundFlow(
          required("initDate", initDate),
          required("serialNo", serialNo),
          localDateTime(required("occurTime", occurTime)),
          required("clientId", clientId),
          required("fundAccount", fundAccount),
          required("branchNo", branchNo),
          MoneyType.valueOf(required("moneyType", moneyType)),
          required("businessFlag", businessFlag),
          new BigDecimal(required("amount", amount)),
          new BigDecimal(required("postBalance", postBalance)),
          channel,
          remark,
          Category.valueOf(required("category", category)),
          Direction.valueOf(required("direction", direction)),
          required("signMismatch", signMismatch),
          customerBranchNo,
          riskLevel,
          keyClient,
          clientName,
          channelName);
    }
  }

  /**
   * {@code LocalDateTime.toString()}'s text: the hand-written scanner when it has seconds (the
   * formatter was a third of the decode's time), the formatter when it has none ({@code toString}
   * drops {@code :00}).
   *
   * @throws java.time.DateTimeException when the text is not a date-time
   */
  static LocalDateTime localDateTime(String text) {
    LocalDateTime t = LocalTimestampText.parse(text);
    return t != null ? t : LocalDateTime.parse(text);
  }

  /** An optional text field: omitted when null, as the optional numbers are. */
  private static void nullable(JsonBytes w, Field field, String value) {
    if (value != null) {
      name(w, field);
      w.value(value);
    }
  }

  /** A field's name; the names and their order are {@link FundFlowJsonView.Field}'s. */
  private static void name(JsonBytes w, Field field) {
    w.name(field.encodedName());
  }
}
