package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.batch.source.SourceUnavailableException;
import io.fundflow.batch.source.TextTable;
import io.fundflow.common.model.ChannelType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journal's join with its customers and channels, by broadcast and by shuffle. */
class DimensionJoinTest {

  private static final TextTable.Columns JOURNAL =
      new TextTable.Columns(List.of("SERIAL_NO", "CLIENT_ID", "CHANNEL"));
  private static final TextTable.Columns CUSTOMER = new TextTable.Columns(List.of(
      "CLIENT_ID", "CLIENT_NAME", "ID_KIND", "ID_NO", "MOBILE", "BRANCH_NO", "OPEN_DATE",
      "CLIENT_STATUS", "RISK_LEVEL", "KEY_CLIENT"));
  private static final TextTable.Columns CHANNEL =
      new TextTable.Columns(List.of("CHANNEL_CODE", "CHANNEL_NAME", "CHANNEL_TYPE"));

  private static JavaSparkContext spark;

  @BeforeAll
  static void start() {
    spark = new JavaSparkContext(new SparkConf()
        .setMaster("local[2]")
        .setAppName("dimension-join-test")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void broadcastAndShuffleJoinTheSameRows() {
    Map<String, String> expected = new TreeMap<>(Map.of(
        "1", "C1 one / BNC1 ONLINE",
        "2", "C1 one / -",
        "3", "- / BNC1 ONLINE",
        "4", "C2 two / problem",
        "5", "problem / BNC2 COUNTER",
        "6", "- / -",
        "7", "C1 one / BNC2 COUNTER"));

    assertEquals(expected, joined(1_000), "customers broadcast");
    assertEquals(expected, joined(0), "customers shuffled");
  }

  @Test
  void aJournalWithoutItsKeyColumnIsAnUnreadableSource() {
    TextTable journal = table(new TextTable.Columns(List.of("SERIAL_NO", "CHANNEL")), new String[][] {});
    SourceUnavailableException e = assertThrows(SourceUnavailableException.class,
        () -> new DimensionJoin(spark, 10).join(journal, customers(), channels()));
    assertTrue(e.getMessage().contains("CLIENT_ID"), e.getMessage());
  }

  /** Serial → "customer / channel", "-" for none, "problem" for an unreadable row. */
  private static Map<String, String> joined(long broadcastMax) {
    TextTable journal = table(JOURNAL, new String[][] {
        {"1", "C1", "BNC1"},
        {"2", " C1 ", "NOPE"},
        {"3", "C9", " BNC1"},
        {"4", "C2", "BAD"},
        {"5", "C3", "BNC2"},
        {"6", null, null},
        {"7", "C1", "BNC2"},
    });
    Map<String, String> out = new TreeMap<>();
    for (JoinedEntry e :
        new DimensionJoin(spark, broadcastMax).join(journal, customers(), channels()).collect()) {
      out.put(e.journal()[0], describe(e));
    }
    return out;
  }

  private static TextTable customers() {
    return table(CUSTOMER, new String[][] {
        {"C1", "one", "0", "110", "138", "1001", "20200101", "0", "3", "N"},
        {"C2", "two", "0", "110", "138", "1001", "20200101", "0", "3", "N"},
        {"C2", "two", "0", "110", "138", "1001", "20200101", "0", "3", "N"},
        {"C3", "three", "0", "110", "138", "not a branch", "20200101", "0", "3", "N"},
        {null, "keyless", "0", "110", "138", "1001", "20200101", "0", "3", "N"},
    });
  }

  private static TextTable channels() {
    return table(CHANNEL, new String[][] {
        {"BNC1", "online", ChannelType.ONLINE.name()},
        {"BNC2", "counter", ChannelType.COUNTER.name()},
        {"BAD", "bad", "NO_SUCH_TYPE"},
    });
  }

  private static String describe(JoinedEntry e) {
    String customer = e.customer() == null ? "-"
        : e.customer().row() == null ? problem(e.customer())
        : e.customer().row().clientId() + " " + e.customer().row().clientName();
    String channel = e.channel() == null ? "-"
        : e.channel().row() == null ? problem(e.channel())
        : e.channel().row().channelCode() + " " + e.channel().row().channelType();
    return customer + " / " + channel;
  }

  private static String problem(Dimension<?> d) {
    assertNull(d.row());
    assertTrue(d.problem() != null && !d.problem().isBlank());
    return "problem";
  }

  private static TextTable table(TextTable.Columns columns, String[][] rows) {
    return new TextTable(columns, spark.parallelize(List.of(rows), 2));
  }
}
