package io.fundflow.common.reconcile;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The comparison of one expected row with the row served under the same key. Pure: the nightly
 * correction decides every write from it.
 *
 * @param kind what the comparison found
 * @param expected the row the authoritative data produces, null when {@link DiffKind#EXTRA}
 * @param served the served row, null when {@link DiffKind#MISSING} or when it could not be decoded
 * @param fields the names of the differing fields (record components) when {@link
 *     DiffKind#DIFFERENT}, in declaration order; {@link #UNREADABLE} when the served value could not
 *     be decoded, {@link #ENCODING} when it decodes to the expected row but its bytes differ
 */
public record RowDiff<T extends Record>(DiffKind kind, T expected, T served, List<String> fields) {

  /** The field named when the served value cannot be decoded. */
  public static final String UNREADABLE = "(unreadable)";

  /** The field named when the served bytes decode to the expected row but are not its encoding. */
  public static final String ENCODING = "(encoding)";

  public RowDiff {
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
  }

  /**
   * Compares an expected row with the served one, field by field ({@code equals}, so a BigDecimal
   * of another scale differs: its served bytes would too).
   *
   * @param expected null when the authoritative data has no row under the key
   * @param served null when nothing is served under the key
   * @throws IllegalArgumentException when both are null
   */
  public static <T extends Record> RowDiff<T> of(T expected, T served) {
    if (expected == null && served == null) {
      throw new IllegalArgumentException("nothing expected and nothing served");
    }
    if (served == null) {
      return new RowDiff<>(DiffKind.MISSING, expected, null, List.of());
    }
    if (expected == null) {
      return new RowDiff<>(DiffKind.EXTRA, null, served, List.of());
    }
    List<String> differing = differingFields(expected, served);
    return differing.isEmpty()
        ? new RowDiff<>(DiffKind.MATCHED, expected, served, List.of())
        : new RowDiff<>(DiffKind.DIFFERENT, expected, served, differing);
  }

  /**
   * Compares encoded rows, as stored: equal bytes match without decoding; otherwise the served
   * bytes are decoded and compared field by field. A served value that does not decode is {@link
   * DiffKind#DIFFERENT} ({@link #UNREADABLE}) or, when nothing is expected, {@link DiffKind#EXTRA}.
   *
   * @param expectedBytes null when nothing is expected under the key
   * @param servedBytes null when nothing is served under the key
   * @param decoder the codec's decoder; any runtime exception it throws means unreadable
   */
  public static <T extends Record> RowDiff<T> ofEncoded(
      byte[] expectedBytes, byte[] servedBytes, Function<byte[], T> decoder) {
    if (expectedBytes == null && servedBytes == null) {
      throw new IllegalArgumentException("nothing expected and nothing served");
    }
    T expected = expectedBytes == null ? null : decoder.apply(expectedBytes);
    if (servedBytes == null) {
      return of(expected, null);
    }
    if (expectedBytes != null && Arrays.equals(expectedBytes, servedBytes)) {
      return new RowDiff<>(DiffKind.MATCHED, expected, expected, List.of());
    }
    T served;
    try {
      served = decoder.apply(servedBytes);
    } catch (RuntimeException e) {
      return expected == null
          ? new RowDiff<>(DiffKind.EXTRA, null, null, List.of(UNREADABLE))
          : new RowDiff<>(DiffKind.DIFFERENT, expected, null, List.of(UNREADABLE));
    }
    RowDiff<T> diff = of(expected, served);
    return diff.kind() == DiffKind.MATCHED
        ? new RowDiff<>(DiffKind.DIFFERENT, expected, served, List.of(ENCODING))
        : diff;
  }

  /** True when the served row must be written or deleted. */
  public boolean needsCorrection() {
    return kind != DiffKind.MATCHED;
  }

  private static <T extends Record> List<String> differingFields(T expected, T served) {
    if (expected.getClass() != served.getClass()) {
      throw new IllegalArgumentException(
          "cannot compare a " + expected.getClass() + " with a " + served.getClass());
    }
    List<String> out = new ArrayList<>();
    for (RecordComponent c : expected.getClass().getRecordComponents()) {
      if (!Objects.equals(value(c, expected), value(c, served))) {
        out.add(c.getName());
      }
    }
    return out;
  }

  private static Object value(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
    }
  }
}
