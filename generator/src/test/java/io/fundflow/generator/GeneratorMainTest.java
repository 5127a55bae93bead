package io.fundflow.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GeneratorMainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = GeneratorMain.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpListsTheOptions() {
    assertEquals(0, run("generate", "--help"));
    for (String option :
        new String[] {
          "--date",
          "--customers",
          "--seed",
          "--kafka",
          "--day-end",
          "--jdbc-url",
          "--speed",
          "--as-fast-as-possible",
          "--faults-out"
        }) {
      assertTrue(out.toString().contains(option), option);
    }
  }

  @Test
  void badArgumentsExitWithTwoAndNameTheOption() {
    assertEquals(2, run("generate", "--date", "2026-11-20"));
    assertTrue(err.toString().contains("--date"), err.toString());
    assertEquals(2, run("generate", "--date", "20261120", "--customers", "3"));
    assertTrue(err.toString().contains("--customers"), err.toString());
    assertEquals(2, run("generate", "--date", "20261121"));
    assertTrue(err.toString().contains("weekday"), err.toString());
    assertEquals(2, run("generate", "--date", "20261120", "--day-end", "ftp:x"));
    assertTrue(err.toString().contains("--day-end"), err.toString());
    assertEquals(2, run("generate", "--date", "20261120", "--day-end", "jdbc"));
    assertTrue(err.toString().contains("--jdbc-url"), err.toString());
    assertEquals(2, run("generate", "--date", "20261120", "--speed", "2", "--as-fast-as-possible"));
    assertEquals(2, run("generate", "--date", "20261120", "--kafka", "nohost"));
  }

  @Test
  void withoutKafkaItWritesTheCsvExportAndTheFaultManifest(@TempDir Path dir) throws Exception {
    Path faults = dir.resolve("out/faults.json");
    int code =
        run(
            "generate",
            "--date",
            "20261120",
            "--customers",
            "30",
            "--faults",
            "2",
            "--missing",
            "1",
            "--day-end",
            "csv:" + dir.resolve("eod"),
            "--faults-out",
            faults.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("change log not sent"), out.toString());
    assertTrue(Files.exists(dir.resolve("eod/FUND_JOURNAL.csv")));
    JsonNode manifest = new ObjectMapper().readTree(faults.toFile());
    assertEquals(20261120, manifest.get("initDate").asInt());
    assertEquals(5, manifest.get("faults").size());
    long missing = 0;
    for (JsonNode f : manifest.get("faults")) {
      if (f.get("kind").asText().equals("MISSING")) {
        missing++;
        assertTrue(f.get("streamedAmount").isNull());
        assertTrue(f.get("expectedAmount").asText().matches("-?\\d+\\.\\d\\d"));
      }
    }
    assertEquals(1, missing);
  }
}
