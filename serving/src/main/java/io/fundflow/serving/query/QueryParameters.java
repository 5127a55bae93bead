package io.fundflow.serving.query;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.model.MoneyType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses and validates the query parameters of the API. Every problem becomes a {@link
 * BadParameterException} naming the parameter; nothing here touches a store.
 */
public final class QueryParameters {

  /** Page size when {@code limit} is absent. */
  public static final int DEFAULT_LIMIT = 100;

  /** Largest page. */
  public static final int MAX_LIMIT = 1000;

  /** CLIENT_ID is VARCHAR2(18) in the source. */
  public static final int MAX_CLIENT_ID = 18;

  private static final Set<String> FLOW_PARAMETERS =
      Set.of("from", "to", "category", "direction", "moneyType", "limit", "cursor");
  private static final Set<String> SUMMARY_PARAMETERS = Set.of("from", "to", "moneyType");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private final Duration maxRange;
  private final CursorCodec cursors;

  public QueryParameters(Duration maxRange, CursorCodec cursors) {
    this.maxRange = maxRange;
    this.cursors = cursors;
  }

  /** A fund-flow page query from the path's client id and the URL's parameters. */
  public FlowQuery flows(String clientId, Map<String, List<String>> params) {
    allowOnly(params, FLOW_PARAMETERS);
    String id = clientId(clientId);
    Range range = range(params);
    Set<Category> categories = categories(single(params, "category"));
    Optional<Direction> direction = single(params, "direction").map(QueryParameters::direction);
    Optional<MoneyType> moneyType = single(params, "moneyType").map(QueryParameters::moneyType);
    int limit = single(params, "limit").map(QueryParameters::limit).orElse(DEFAULT_LIMIT);
    FlowQuery unpaged =
        new FlowQuery(
            id,
            range.from(),
            range.to(),
            categories,
            direction,
            moneyType,
            limit,
            Optional.empty());
    Optional<String> cursor = single(params, "cursor");
    if (cursor.isEmpty()) {
      return unpaged;
    }
    byte[] after = cursors.decode(cursor.get(), unpaged.fingerprint());
    return new FlowQuery(
        id, range.from(), range.to(), categories, direction, moneyType, limit, Optional.of(after));
  }

  /** A summary query; the money type is CNY when none is named (sums never mix currencies). */
  public SummaryQuery summary(String clientId, Map<String, List<String>> params) {
    allowOnly(params, SUMMARY_PARAMETERS);
    String id = clientId(clientId);
    Range range = range(params);
    MoneyType moneyType =
        single(params, "moneyType").map(QueryParameters::moneyType).orElse(MoneyType.CNY);
    return new SummaryQuery(id, range.from(), range.to(), moneyType);
  }

  /** The {@code date} parameter of the advisory endpoint, yyyymmdd. */
  public int advisoryDate(Map<String, List<String>> params) {
    allowOnly(params, Set.of("date"));
    String text =
        single(params, "date")
            .orElseThrow(() -> new BadParameterException("date", "required, as yyyymmdd"));
    try {
      LocalDate day = LocalDate.parse(text, YYYYMMDD);
      return Integer.parseInt(day.format(YYYYMMDD));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadParameterException("date", "\"" + shorten(text) + "\" is not a date yyyymmdd");
    }
  }

  /** The customer id of a path: 1..18 printable ASCII characters. */
  public static String clientId(String clientId) {
    if (clientId == null || clientId.isEmpty()) {
      throw new BadParameterException("clientId", "required");
    }
    if (clientId.length() > MAX_CLIENT_ID) {
      throw new BadParameterException("clientId", "longer than " + MAX_CLIENT_ID + " characters");
    }
    for (int i = 0; i < clientId.length(); i++) {
      char c = clientId.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw new BadParameterException("clientId", "must be printable ASCII without spaces");
      }
    }
    return clientId;
  }

  private record Range(LocalDateTime from, LocalDateTime to) {}

  private Range range(Map<String, List<String>> params) {
    LocalDateTime from = time(params, "from");
    LocalDateTime to = time(params, "to");
    if (!from.isBefore(to)) {
      throw new BadParameterException("to", "must be after from (the range is [from, to))");
    }
    if (Duration.between(from, to).compareTo(maxRange) > 0) {
      throw new BadParameterException(
          "to", "the range [from, to) is longer than the maximum of " + describe(maxRange));
    }
    return new Range(from, to);
  }

  private static LocalDateTime time(Map<String, List<String>> params, String name) {
    String text =
        single(params, name)
            .orElseThrow(
                () ->
                    new BadParameterException(
                        name, "required, as yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss[.SSS]]"));
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadParameterException(
          name,
          "\""
              + shorten(text)
              + "\" is not a date yyyy-MM-dd or a date-time yyyy-MM-ddTHH:mm[:ss]"
              + " (Asia/Shanghai)");
    }
  }

  private static Set<Category> categories(Optional<String> text) {
    if (text.isEmpty()) {
      return Set.of();
    }
    EnumSet<Category> categories = EnumSet.noneOf(Category.class);
    for (String item : text.get().split(",", -1)) {
      categories.add(
          parseEnum(Category.class, item.trim(), "category", EnumSet.allOf(Category.class)));
    }
    return categories;
  }

  private static Direction direction(String text) {
    return parseEnum(Direction.class, text, "direction", EnumSet.of(Direction.IN, Direction.OUT));
  }

  private static MoneyType moneyType(String text) {
    return parseEnum(MoneyType.class, text, "moneyType", EnumSet.allOf(MoneyType.class));
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below, as for a number out of range
    }
    throw new BadParameterException(
        "limit", "\"" + shorten(text) + "\" is not an integer from 1 to " + MAX_LIMIT);
  }

  private static <E extends Enum<E>> E parseEnum(
      Class<E> type, String text, String name, Set<E> allowed) {
    for (E e : allowed) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    throw new BadParameterException(
        name, "\"" + shorten(text) + "\" is not one of " + allowed.toString().replace(" ", ""));
  }

  private static Optional<String> single(Map<String, List<String>> params, String name) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new BadParameterException(name, "given more than once");
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(values.get(0).trim());
  }

  private static void allowOnly(Map<String, List<String>> params, Set<String> known) {
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw new BadParameterException(
            shorten(name),
            "unknown parameter; expected one of " + known.stream().sorted().toList());
      }
    }
  }

  private static String describe(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toString();
  }

  /** Echoes at most 40 characters of a bad value, so a response never repeats a huge input. */
  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
