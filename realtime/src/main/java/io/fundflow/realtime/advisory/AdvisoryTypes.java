package io.fundflow.realtime.advisory;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import io.fundflow.realtime.decode.ChangeLogTypes;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Explicit Flink type information for the advisory job's state and stream types. Flink's type
 * extraction takes the records as POJOs but leaves their {@code LocalDateTime} fields to Kryo,
 * whose format is not a stable savepoint format; declaring every field here makes the whole tree
 * Flink's own serializers (POJO, LocalDateTime, enum, BigDecimal), which a test checks.
 */
public final class AdvisoryTypes {

  /** An advisory contract. */
  public static final TypeInformation<AdvisoryContract> CONTRACT =
      Types.POJO(
          AdvisoryContract.class,
          Map.of(
              "contractId", Types.STRING,
              "clientId", Types.STRING,
              "portfolioCode", Types.STRING,
              "branchNo", Types.INT,
              "applyTime", Types.LOCAL_DATE_TIME,
              "signTime", Types.LOCAL_DATE_TIME,
              "terminateTime", Types.LOCAL_DATE_TIME,
              "status", Types.ENUM(ContractStatus.class)));

  /** An advisory order. */
  public static final TypeInformation<AdvisoryOrder> ORDER =
      Types.POJO(
          AdvisoryOrder.class,
          Map.of(
              "orderId", Types.STRING,
              "contractId", Types.STRING,
              "clientId", Types.STRING,
              "portfolioCode", Types.STRING,
              "orderType", Types.ENUM(OrderType.class),
              "amount", Types.BIG_DEC,
              "orderTime", Types.LOCAL_DATE_TIME,
              "tradeDate", Types.INT,
              "status", Types.ENUM(OrderStatus.class)));

  /** A source position. */
  public static final TypeInformation<SourcePosition> POSITION = ChangeLogTypes.POSITION;

  /** A contract or order change: the stream type and the per-portfolio state value. */
  public static final TypeInformation<AdvisoryChange> CHANGE =
      Types.POJO(
          AdvisoryChange.class,
          Map.of(
              "op", Types.ENUM(ChangeOp.class),
              "contract", CONTRACT,
              "order", ORDER,
              "position", POSITION,
              "sourceTimeMillis", Types.LONG));

  /** A change routed to a portfolio. */
  public static final TypeInformation<PortfolioChange> ROUTED =
      Types.POJO(
          PortfolioChange.class,
          Map.of("portfolioCode", Types.STRING, "change", CHANGE, "retraction", Types.BOOLEAN));

  /** The per-row version state. */
  public static final TypeInformation<RowVersion> ROW_VERSION =
      Types.POJO(RowVersion.class, Map.of("portfolioCode", Types.STRING, "position", POSITION));

  private AdvisoryTypes() {}
}
