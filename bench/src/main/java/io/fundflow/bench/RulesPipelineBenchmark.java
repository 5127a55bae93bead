package io.fundflow.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeLogDecoder;
import io.fundflow.common.changelog.DecodeResult;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dwd.FundJournalValidator;
import io.fundflow.common.dwd.ValidationResult;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-record hot path of the speed layer on one thread: decode a FUND_JOURNAL change-log
 * message, validate the entry, build its DWD flow (classify, scrub REMARK, enrich with a customer
 * and a channel, mask the name) and compute its HBase detail rowkey. {@link #wholePath} is the
 * figure held against the 500,000 records/s per core target; the other benchmarks time one stage
 * each on inputs prepared by the stage before, so the bottleneck shows. Each call handles one
 * record, so ops/s is records/s.
 *
 * <p>On a shared, loaded machine the wall-clock score also measures the neighbours. Each iteration
 * therefore prints a second figure, records per CPU-second of the benchmark thread ({@code
 * cpu-rate:} lines in the run's output), which the load disturbs much less. It leaves out the GC's
 * own threads, so it flatters allocation-heavy code; read it next to {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RulesPipelineBenchmark {

  /** Distinct messages cycled through; a power of two so the cursor wraps with a mask. */
  @Param({"4096"})
  public int messages;

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();
  private final JsonFactory json = new JsonFactory();
  private final ObjectMapper tree = new ObjectMapper();
  private byte[][] values;
  private FundJournalEntry[] entries;
  private FundFlow[] flows;
  private byte[][] flowJsons;
  private byte[][] summaryJsons;
  private CustomerDaySummary[] summaries;
  private Optional<Customer>[] customers;
  private Optional<Channel>[] channels;
  private int mask;
  private int cursor;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long records;
  private long cpuStart;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    if (Integer.bitCount(messages) != 1) {
      throw new IllegalArgumentException("messages must be a power of two: " + messages);
    }
    mask = messages - 1;
    JournalMessages.Row[] rows = new JournalMessages.Row[messages];
    values = JournalMessages.generate(messages, 20261119L, rows);
    entries = new FundJournalEntry[messages];
    flows = new FundFlow[messages];
    flowJsons = new byte[messages][];
    summaryJsons = new byte[messages][];
    customers = new Optional[messages];
    channels = new Optional[messages];
    for (int i = 0; i < messages; i++) {
      JournalMessages.Row r = rows[i];
      customers[i] =
          Optional.of(
              new Customer(
                  r.clientId(),
                  i % 2 == 0 ? "张伟" : "欧阳娜娜",
                  "0",
                  "110101198001011234",
                  "13812345678",
                  r.branchNo(),
                  20190315,
                  "0",
                  1 + i % 5,
                  i % 7 == 0));
      channels[i] = Optional.of(new Channel(r.channel(), "手机证券", ChannelType.MOBILE));
      DecodeResult result = decoder.decode(JournalMessages.TOPIC, values[i]);
      if (!(result instanceof DecodeResult.Decoded decoded)) {
        throw new IllegalStateException("message " + i + " did not decode: " + result);
      }
      FundJournalEntry entry = (FundJournalEntry) decoded.event().row();
      ValidationResult validation = FundJournalValidator.validate(entry);
      if (!validation.isValid()) {
        throw new IllegalStateException("message " + i + " is invalid: " + validation.describe());
      }
      entries[i] = entry;
      flows[i] = FundFlowBuilder.build(entry, customers[i], channels[i]);
      flowJsons[i] = FundFlowJson.encode(flows[i]);
    }
    summaries = summariesOf(flows);
    for (int i = 0; i < messages; i++) {
      summaryJsons[i] = CustomerDaySummaryJson.encode(summaries[i]);
    }
  }

  /** Each flow's customer-day summary over all the flows: a few entries and categories each. */
  private static CustomerDaySummary[] summariesOf(FundFlow[] flows) {
    Map<CustomerDayKey, CustomerDayAccumulator> days = new HashMap<>();
    for (FundFlow f : flows) {
      days.computeIfAbsent(CustomerDayKey.of(f), CustomerDayAccumulator::new).add(f);
    }
    CustomerDaySummary[] summaries = new CustomerDaySummary[flows.length];
    for (int i = 0; i < flows.length; i++) {
      summaries[i] = days.get(CustomerDayKey.of(flows[i])).toSummary();
    }
    return summaries;
  }

  /** The i-th prepared flow, for the test that holds the encoders to their baseline. */
  FundFlow flow(int i) {
    return flows[i];
  }

  /** The i-th prepared summary, for the same test. */
  CustomerDaySummary summary(int i) {
    return summaries[i];
  }

  /** Starts the CPU-time count; runs on the benchmark thread. */
  @Setup(Level.Iteration)
  public void startCpuCount() {
    records = 0;
    cpuStart = threads.getCurrentThreadCpuTime();
  }

  /** Prints records per CPU-second of this iteration. */
  @TearDown(Level.Iteration)
  public void printCpuRate() {
    double seconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.println(
        String.format(Locale.ROOT, "cpu-rate: %.0f records/CPU-s", records / seconds));
  }

  private int next() {
    records++;
    int i = cursor;
    cursor = (i + 1) & mask;
    return i;
  }

  /** The whole per-record path: bytes in, detail rowkey out (a rejection would return null). */
  @Benchmark
  public byte[] wholePath() {
    int i = next();
    DecodeResult result = decoder.decode(JournalMessages.TOPIC, values[i]);
    if (!(result instanceof DecodeResult.Decoded decoded)) {
      return null;
    }
    ChangeEvent event = decoded.event();
    FundJournalEntry entry = (FundJournalEntry) event.row();
    if (!FundJournalValidator.validate(entry).isValid()) {
      return null;
    }
    FundFlow flow = FundFlowBuilder.build(entry, customers[i], channels[i]);
    return FundFlowRows.rowKey(flow);
  }

  /** Stage 1: change-log bytes to a change event. */
  @Benchmark
  public DecodeResult decode() {
    return decoder.decode(JournalMessages.TOPIC, values[next()]);
  }

  /**
   * Not a stage: Jackson's streaming parser stepping through every token of the message without
   * materializing any value, the floor under any decoder built on it.
   */
  @Benchmark
  public int tokenizeOnly() throws IOException {
    int tokens = 0;
    try (JsonParser p = json.createParser(values[next()])) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /** Not a stage: the cost of opening a streaming parser and reading its first token. */
  @Benchmark
  public Object openParser() throws IOException {
    try (JsonParser p = json.createParser(values[next()])) {
      return p.nextToken();
    }
  }

  /** Stage 2: the DWD validation rules. */
  @Benchmark
  public ValidationResult validate() {
    return FundJournalValidator.validate(entries[next()]);
  }

  /** Stage 3: classify, scrub REMARK, enrich and mask the client name. */
  @Benchmark
  public FundFlow buildFlow() {
    int i = next();
    return FundFlowBuilder.build(entries[i], customers[i], channels[i]);
  }

  /** Stage 4: the 39-byte detail rowkey. */
  @Benchmark
  public byte[] rowKey() {
    return FundFlowRows.rowKey(flows[next()]);
  }

  /** Stage 4 without the flow: the rowkey codec on its own. */
  @Benchmark
  public byte[] rowKeyEncode() {
    FundFlow f = flows[next()];
    return FundFlowRowKey.encode(f.clientId(), f.occurTime(), f.serialNo(), f.initDate());
  }

  /**
   * Not on the path above, but per record too: the HBase cell / Kafka value of a flow. The same
   * call as {@link #flowJsonEncode}, kept under its old name so figures of earlier rounds compare.
   */
  @Benchmark
  public byte[] flowJson() {
    return FundFlowJson.encode(flows[next()]);
  }

  /** A flow's JSON, written by hand since 2026-12-03: per flow in the stream and the correction. */
  @Benchmark
  public byte[] flowJsonEncode() {
    return FundFlowJson.encode(flows[next()]);
  }

  /**
   * Baseline for {@link #flowJsonEncode}: the Jackson generator that wrote the same bytes until
   * 2026-12-03, so one run shows what the hand-written writer saves.
   */
  @Benchmark
  public byte[] flowJsonEncodeJackson() {
    return JacksonEncoders.encode(flows[next()]);
  }

  /** A customer-day summary's JSON: per summary update in the stream and the correction. */
  @Benchmark
  public byte[] summaryJsonEncode() {
    return CustomerDaySummaryJson.encode(summaries[next()]);
  }

  /** Baseline for {@link #summaryJsonEncode}: the Jackson generator, as for flows. */
  @Benchmark
  public byte[] summaryJsonEncodeJackson() {
    return JacksonEncoders.encode(summaries[next()]);
  }

  /** A flow's JSON back to the flow: per row of the nightly correction and of every query page. */
  @Benchmark
  public FundFlow flowJsonDecode() {
    return FundFlowJson.decode(flowJsons[next()]);
  }

  /**
   * Baseline for {@link #flowJsonDecode}: the same bytes read through a Jackson tree, as the
   * decoder did until 2026-12-03, so one run shows what the streaming read saves.
   */
  @Benchmark
  public FundFlow flowJsonDecodeTree() throws IOException {
    JsonNode n = tree.readTree(flowJsons[next()]);
    return new FundFlow(
        n.get("initDate").intValue(),
        n.get("serialNo").longValue(),
        LocalDateTime.parse(n.get("occurTime").textValue()),
        n.get("clientId").textValue(),
        n.get("fundAccount").textValue(),
        n.get("branchNo").intValue(),
        MoneyType.valueOf(n.get("moneyType").textValue()),
        n.get("businessFlag").intValue(),
        new BigDecimal(n.get("amount").textValue()),
        new BigDecimal(n.get("postBalance").textValue()),
        treeText(n, "channel"),
        treeText(n, "remark"),
        Category.valueOf(n.get("category").textValue()),
        Direction.valueOf(n.get("direction").textValue()),
        n.get("signMismatch").booleanValue(),
        n.hasNonNull("customerBranchNo") ? n.get("customerBranchNo").intValue() : null,
        n.hasNonNull("riskLevel") ? n.get("riskLevel").intValue() : null,
        n.hasNonNull("keyClient") ? n.get("keyClient").booleanValue() : null,
        treeText(n, "clientName"),
        treeText(n, "channelName"));
  }

  /** A summary's JSON back: per day of a query's summary range, per differing row of the correction. */
  @Benchmark
  public CustomerDaySummary summaryJsonDecode() {
    return CustomerDaySummaryJson.decode(summaryJsons[next()]);
  }

  /** Baseline for {@link #summaryJsonDecode}: through a Jackson tree, as until 2026-12-05. */
  @Benchmark
  public CustomerDaySummary summaryJsonDecodeTree() throws IOException {
    JsonNode n = tree.readTree(summaryJsons[next()]);
    EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
    n.get("byCategory")
        .fields()
        .forEachRemaining(
            e ->
                byCategory.put(
                    Category.valueOf(e.getKey()),
                    new CategoryTotal(
                        new BigDecimal(e.getValue().get("amount").textValue()),
                        e.getValue().get("count").longValue())));
    boolean hasLast = n.hasNonNull("lastPostBalance");
    return new CustomerDaySummary(
        new CustomerDayKey(
            n.get("clientId").textValue(),
            n.get("initDate").intValue(),
            MoneyType.valueOf(n.get("moneyType").textValue())),
        new BigDecimal(n.get("inflow").textValue()),
        new BigDecimal(n.get("outflow").textValue()),
        new BigDecimal(n.get("net").textValue()),
        n.get("count").longValue(),
        byCategory,
        hasLast ? new BigDecimal(n.get("lastPostBalance").textValue()) : null,
        hasLast ? LocalDateTime.parse(n.get("lastOccurTime").textValue()) : null,
        hasLast ? n.get("lastSerialNo").longValue() : null);
  }

  private static String treeText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.textValue();
  }
}
