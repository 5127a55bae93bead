package io.fundflow.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradeDateTest {

  @Test
  void parsesACalendarDay() {
    assertEquals(20261119, TradeDate.parse("20261119"));
    assertEquals(20240229, TradeDate.parse("20240229"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026111", "202611190", "2026-11-19", "20261301", "20261132", "20230229", "abcdefgh"})
  void rejectsWhatIsNotAnExistingYyyymmddDay(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TradeDate.parse(text));
    assertTrue(e.getMessage().contains("yyyymmdd"), e.getMessage());
  }

  @Test
  void convertsToAndFromLocalDate() {
    assertEquals(LocalDate.of(2026, 11, 19), TradeDate.toLocalDate(20261119));
    assertEquals(20261119, TradeDate.of(LocalDate.of(2026, 11, 19)));
    assertEquals(20270101, TradeDate.of(TradeDate.toLocalDate(20261231).plusDays(1)));
  }

  @Test
  void everyDayOfFourYearsRoundTrips() {
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
      int yyyymmdd = TradeDate.of(d);
      assertEquals(d, TradeDate.toLocalDate(yyyymmdd));
      assertEquals(yyyymmdd, TradeDate.parse(Integer.toString(yyyymmdd)));
    }
  }
}
