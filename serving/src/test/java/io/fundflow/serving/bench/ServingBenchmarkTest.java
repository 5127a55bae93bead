package io.fundflow.serving.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServingBenchmarkTest {

  private static long count(String json) throws IOException {
    return ServingBenchmark.countItems(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsThePagesItemsWhereverTheyStandAndWhateverTheyHold() throws IOException {
    assertEquals(
        3,
        count(
            "{\"clientId\":\"C1\",\"range\":{\"from\":\"a\",\"items\":[1,2]},"
                + "\"items\":[{\"remark\":\"{[\\\"\",\"x\":{\"y\":[{}]}},{},{\"amount\":\"1.00\"}],"
                + "\"nextCursor\":null}"));
    assertEquals(0, count("{\"items\":[],\"nextCursor\":null}"));
  }

  @Test
  void aPageWithoutItemsIsAnError() {
    assertThrows(IOException.class, () -> count("{\"error\":\"bad\"}"));
    assertThrows(IOException.class, () -> count("[]"));
  }
}
