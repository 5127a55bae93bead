package io.fundflow.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.codec.FundFlowJsonView;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.PersonalDataMasks;
import io.fundflow.serving.http.FlowFormat;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The query API's per-row work on a full page: 100 stored flow cells in, the page's {@code items}
 * JSON out. {@code pageFromCells} is the API's path (each cell read in place, {@link
 * FlowFormat#writeItem}); {@code pageFromDecodedFlows} the baseline, as the API did it before
 * 2026-12-05: each cell decoded into a {@link FundFlow}, then written field by field.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServedPageBenchmark {

  /** Rows per page: the API's default limit. */
  @Param({"100"})
  public int rows;

  private static final JsonFactory JSON = new JsonFactory();
  private static final int FLOWS = 4096;

  private byte[][] cells;
  private int cursor;

  @Setup
  public void setUp() {
    // The rules pipeline benchmark's generated flows: Chinese channel names, remarks, customers.
    RulesPipelineBenchmark rules = new RulesPipelineBenchmark();
    rules.messages = FLOWS;
    rules.setUp();
    cells = new byte[FLOWS][];
    for (int i = 0; i < FLOWS; i++) {
      cells[i] = FundFlowJson.encode(rules.flow(i));
    }
  }

  @Benchmark
  public byte[] pageFromCells() throws IOException {
    return page(true, nextPage());
  }

  @Benchmark
  public byte[] pageFromDecodedFlows() throws IOException {
    return page(false, nextPage());
  }

  private int nextPage() {
    int first = cursor;
    cursor = (cursor + rows) & (FLOWS - 1);
    return first;
  }

  /** The {@code items} array of the page starting at cell {@code first}, as the API renders it. */
  byte[] page(boolean inPlace, int first) throws IOException {
    ByteArrayBuilder bytes = new ByteArrayBuilder(8192);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.writeStartArray();
      for (int k = 0; k < rows; k++) {
        byte[] cell = cells[(first + k) & (FLOWS - 1)];
        if (inPlace) {
          FlowFormat.writeItem(g, FundFlowJsonView.read(cell));
        } else {
          writeDecoded(g, FundFlowJson.decode(cell));
        }
      }
      g.writeEndArray();
    }
    return bytes.toByteArray();
  }

  /** The API's item writer before 2026-12-05, from a decoded flow: the baseline. */
  private static void writeDecoded(JsonGenerator g, FundFlow f) throws IOException {
    g.writeStartObject();
    g.writeNumberField("initDate", f.initDate());
    g.writeNumberField("serialNo", f.serialNo());
    g.writeStringField("occurTime", FlowFormat.time(f.occurTime()));
    g.writeStringField("fundAccount", f.fundAccount());
    g.writeNumberField("branchNo", f.branchNo());
    g.writeStringField("moneyType", f.moneyType().name());
    g.writeNumberField("businessFlag", f.businessFlag());
    g.writeStringField("category", f.category().name());
    g.writeStringField("direction", f.direction().name());
    g.writeStringField("amount", FlowFormat.money(f.occurBalance()));
    g.writeStringField("postBalance", FlowFormat.money(f.postBalance()));
    g.writeStringField("channel", f.channel());
    g.writeStringField("channelName", f.channelName());
    g.writeStringField("remark", PersonalDataMasks.remark(f.remark()));
    g.writeEndObject();
  }
}
