package io.fundflow.scheduler.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the yearly closure files ({@code yyyy.txt}) into a {@link TradingCalendar}.
 *
 * <p>Format: one closure per line, a date {@code yyyy-MM-dd} or an inclusive range {@code
 * yyyy-MM-dd..yyyy-MM-dd}, then optional whitespace and a label; {@code #} starts a comment.
 */
public final class TradingCalendarFiles {

  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.txt");

  private TradingCalendarFiles() {}

  /** Parses one year's file; every problem is reported with its line number. */
  public static Set<LocalDate> parse(int year, List<String> lines) {
    Set<LocalDate> closures = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      String token = text.split("\\s+", 2)[0];
      try {
        String[] ends = token.split("\\.\\.", -1);
        if (ends.length > 2) {
          throw new DateTimeParseException("more than one '..'", token, 0);
        }
        LocalDate from = LocalDate.parse(ends[0]);
        LocalDate to = ends.length == 2 ? LocalDate.parse(ends[1]) : from;
        if (to.isBefore(from)) {
          problems.add("line " + (i + 1) + ": range ends before it starts: " + token);
          continue;
        }
        if (from.getYear() != year || to.getYear() != year) {
          problems.add("line " + (i + 1) + ": " + token + " is not in " + year);
          continue;
        }
        from.datesUntil(to.plusDays(1)).forEach(closures::add);
      } catch (DateTimeParseException e) {
        problems.add(
            "line " + (i + 1) + ": expected yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd, got '" + token + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "trading calendar " + year + ": " + String.join("; ", problems));
    }
    return closures;
  }

  /** Every {@code yyyy.txt} file in {@code dir}. */
  public static TradingCalendar load(Path dir) {
    Set<Integer> years = new HashSet<>();
    Set<LocalDate> closures = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.txt")) {
      for (Path file : files) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        int year = Integer.parseInt(m.group(1));
        years.add(year);
        closures.addAll(parse(year, Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trading calendar in " + dir, e);
    }
    if (years.isEmpty()) {
      throw new IllegalArgumentException("no yyyy.txt calendar file in " + dir);
    }
    return new TradingCalendar(years, closures);
  }

  /** The files shipped on the classpath under {@code calendar/} for the given years. */
  public static TradingCalendar bundled(int... yearsWanted) {
    Set<Integer> years = new HashSet<>();
    Set<LocalDate> closures = new HashSet<>();
    for (int year : yearsWanted) {
      try (InputStream in =
          TradingCalendarFiles.class.getClassLoader().getResourceAsStream("calendar/" + year + ".txt")) {
        if (in == null) {
          continue;
        }
        years.add(year);
        closures.addAll(
            parse(year, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled calendar " + year, e);
      }
    }
    if (years.isEmpty()) {
      throw new IllegalArgumentException("no bundled calendar for any of the requested years");
    }
    return new TradingCalendar(years, closures);
  }
}
