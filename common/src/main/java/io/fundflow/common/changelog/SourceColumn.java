package io.fundflow.common.changelog;

import java.util.Objects;

/**
 * One column of a counter-system source table (SPEC §1): its upper-case name, its kind of value,
 * and whether it is part of the primary key. Encoders, the day-end writers and the schema wrapper
 * of Debezium messages all read a table's columns from here.
 *
 * @param name the SPEC column name, upper case
 * @param type what kind of value the column holds
 * @param key true for a primary-key column
 * @param optional true when the column may be NULL
 */
public record SourceColumn(String name, Type type, boolean key, boolean optional) {

  /** The kinds of value a source column holds, and how each is carried in a row map. */
  public enum Type {
    /** NUMBER up to 9 digits, as {@link Integer}. */
    INT32,
    /** NUMBER(12) and wider integers, as {@link Long}. */
    INT64,
    /** CHAR / VARCHAR2, as {@link String}. */
    TEXT,
    /** NUMBER(19,2), as {@link java.math.BigDecimal} of scale 2. */
    MONEY,
    /** TIMESTAMP, Asia/Shanghai local time, as {@link java.time.LocalDateTime}. */
    TIMESTAMP
  }

  public SourceColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
