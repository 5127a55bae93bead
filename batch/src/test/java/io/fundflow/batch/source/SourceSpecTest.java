package io.fundflow.batch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceSpecTest {

  @Test
  void jdbcIsTheDatabaseSource() {
    SourceSpec s = SourceSpec.parse("jdbc");
    assertSame(SourceSpec.JDBC, s);
    assertFalse(s.isCsv());
    assertEquals("jdbc", s.toString());
  }

  @Test
  void csvNamesItsFolder() {
    SourceSpec s = SourceSpec.parse("csv:/data/eod/20261119");
    assertTrue(s.isCsv());
    assertEquals(Path.of("/data/eod/20261119"), s.folder());
    assertEquals("csv:/data/eod/20261119", s.toString());
  }

  @Test
  void csvFolderMayBeRelativeAndContainColons() {
    assertEquals(Path.of("eod/a:b"), SourceSpec.parse("csv:eod/a:b").folder());
  }

  @Test
  void textRoundTripsThroughToString() {
    for (String text : new String[] {"jdbc", "csv:/x/y"}) {
      assertEquals(text, SourceSpec.parse(text).toString());
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "csv:", "csv", "JDBC", "jdbc:h2:mem:x", "hdfs:/x", " jdbc"})
  void anythingElseIsRejectedNamingTheAcceptedForms(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse(text));
    assertTrue(e.getMessage().contains("jdbc or csv:<folder>"), e.getMessage());
  }
}
