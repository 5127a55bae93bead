package io.fundflow.common.changelog;

import java.util.HashMap;
import java.util.Map;

/**
 * The codes of an enum column mapped to their constants, looked up without {@code Enum.valueOf}
 * (which throws on an unknown code). Immutable once built.
 */
final class EnumCodes<E extends Enum<E>> {

  private final Map<String, E> byCode;
  private final String allowed;

  private EnumCodes(Class<E> type) {
    Map<String, E> codes = new HashMap<>();
    for (E constant : type.getEnumConstants()) {
      codes.put(constant.name(), constant);
    }
    this.byCode = Map.copyOf(codes);
    this.allowed = String.join("/", codes.keySet().stream().sorted().toList());
  }

  /** The codes of {@code type}: its constants' names. */
  static <E extends Enum<E>> EnumCodes<E> of(Class<E> type) {
    return new EnumCodes<>(type);
  }

  /** The constant named {@code code}, or null when there is none. */
  E find(String code) {
    return byCode.get(code);
  }

  /** The allowed codes, for a rejection message. */
  String allowed() {
    return allowed;
  }
}
