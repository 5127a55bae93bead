package io.fundflow.serving.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.model.MoneyType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParametersTest {

  private final CursorCodec cursors =
      new CursorCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final QueryParameters parameters = new QueryParameters(Duration.ofDays(31), cursors);

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return m;
  }

  @Test
  void parsesEveryParameter() {
    FlowQuery q =
        parameters.flows(
            "100200300",
            params(
                "from",
                "2025-03-14",
                "to",
                "2025-03-14T15:30:00",
                "category",
                "fee, TRANSFER_IN",
                "direction",
                "out",
                "moneyType",
                "HKD",
                "limit",
                "1000"));
    assertEquals("100200300", q.clientId());
    assertEquals(LocalDateTime.of(2025, 3, 14, 0, 0), q.from());
    assertEquals(LocalDateTime.of(2025, 3, 14, 15, 30), q.to());
    assertEquals(Set.of(Category.FEE, Category.TRANSFER_IN), q.categories());
    assertEquals(Optional.of(Direction.OUT), q.direction());
    assertEquals(Optional.of(MoneyType.HKD), q.moneyType());
    assertEquals(1000, q.limit());
    assertTrue(q.afterRowKey().isEmpty());
  }

  @Test
  void limitDefaultsTo100AndSummaryMoneyTypeToCny() {
    assertEquals(
        100, parameters.flows("c1", params("from", "2025-03-14", "to", "2025-03-15")).limit());
    assertEquals(
        MoneyType.CNY,
        parameters.summary("c1", params("from", "2025-03-14", "to", "2025-03-15")).moneyType());
  }

  @ParameterizedTest(name = "{0}={1} -> 400 naming {2}")
  @CsvSource({
    "from, 2025-13-01, from",
    "from, yesterday, from",
    "to, 2025-03-14T25:00, to",
    "to, 2025-03-13, to", // before from
    "to, 2025-03-14, to", // equal to from: [from, to) is empty
    "to, 2025-04-15T00:00:01, to", // over the 31-day maximum
    "category, FEE|BOGUS, category",
    "category, 'FEE,', category",
    "direction, NONE, direction",
    "moneyType, EUR, moneyType",
    "limit, 0, limit",
    "limit, 1001, limit",
    "limit, ten, limit",
    "cursor, AAAA, cursor",
    "bogus, 1, bogus",
  })
  void badParameterNamesTheParameter(String name, String value, String named) {
    Map<String, List<String>> p = params("from", "2025-03-14", "to", "2025-03-15");
    p.put(name, List.of(value));
    BadParameterException e =
        assertThrows(BadParameterException.class, () -> parameters.flows("c1", p));
    assertEquals(named, e.parameter());
    assertTrue(e.getMessage().startsWith(named + ": "), e.getMessage());
  }

  @Test
  void missingRepeatedAndOverlongAreRefused() {
    assertEquals(
        "from",
        assertThrows(
                BadParameterException.class,
                () -> parameters.flows("c1", params("to", "2025-03-15")))
            .parameter());
    assertEquals(
        "limit",
        assertThrows(
                BadParameterException.class,
                () ->
                    parameters.flows(
                        "c1",
                        params(
                            "from", "2025-03-14", "to", "2025-03-15", "limit", "1", "limit", "2")))
            .parameter());
    assertEquals(
        "clientId",
        assertThrows(
                BadParameterException.class,
                () ->
                    parameters.flows(
                        "1234567890123456789", params("from", "2025-03-14", "to", "2025-03-15")))
            .parameter());
    assertEquals(
        "clientId",
        assertThrows(
                BadParameterException.class,
                () -> parameters.flows("a b", params("from", "2025-03-14", "to", "2025-03-15")))
            .parameter());
  }

  @Test
  void aCursorResumesOnlyItsOwnQuery() {
    Map<String, List<String>> p = params("from", "2025-03-14", "to", "2025-03-15", "limit", "10");
    FlowQuery first = parameters.flows("c1", p);
    byte[] key = {1, 2, 3};
    String cursor = cursors.encode(first, key);

    Map<String, List<String>> next = new LinkedHashMap<>(p);
    next.put("cursor", List.of(cursor));
    next.put("limit", List.of("50")); // the page size may change between pages
    assertArrayEquals(key, parameters.flows("c1", next).afterRowKey().orElseThrow());

    assertEquals(
        "cursor",
        assertThrows(BadParameterException.class, () -> parameters.flows("c2", next)).parameter());
    Map<String, List<String>> otherRange = new LinkedHashMap<>(next);
    otherRange.put("to", List.of("2025-03-16"));
    assertThrows(BadParameterException.class, () -> parameters.flows("c1", otherRange));
    Map<String, List<String>> otherFilter = new LinkedHashMap<>(next);
    otherFilter.put("direction", List.of("IN"));
    assertThrows(BadParameterException.class, () -> parameters.flows("c1", otherFilter));
  }

  @Test
  void advisoryDateIsYyyymmdd() {
    assertEquals(20250314, parameters.advisoryDate(params("date", "20250314")));
    assertEquals(
        "date",
        assertThrows(
                BadParameterException.class,
                () -> parameters.advisoryDate(params("date", "20250230")))
            .parameter());
    assertEquals(
        "date",
        assertThrows(BadParameterException.class, () -> parameters.advisoryDate(params()))
            .parameter());
  }
}
