package io.fundflow.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class MarketPhaseTest {

  @Test
  void followsTheExchangeSessions() {
    assertEquals(MarketPhase.PRE_OPEN, MarketPhase.at(LocalTime.of(8, 45)));
    assertEquals(MarketPhase.CALL_AUCTION, MarketPhase.at(LocalTime.of(9, 15)));
    assertEquals(MarketPhase.MORNING, MarketPhase.at(LocalTime.of(9, 30)));
    assertEquals(MarketPhase.MORNING, MarketPhase.at(LocalTime.of(11, 29, 59)));
    assertEquals(MarketPhase.LUNCH, MarketPhase.at(LocalTime.of(11, 30)));
    assertEquals(MarketPhase.AFTERNOON, MarketPhase.at(LocalTime.of(13, 0)));
    assertEquals(MarketPhase.CLOSED, MarketPhase.at(LocalTime.of(15, 0)));
    assertEquals(MarketPhase.CLOSED, MarketPhase.at(LocalTime.of(20, 0)));
  }
}
