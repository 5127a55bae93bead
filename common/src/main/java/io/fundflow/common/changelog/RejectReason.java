package io.fundflow.common.changelog;

/** Why a change-log record was rejected to the dead-letter topic. Stable codes for metrics. */
public enum RejectReason {
  /** Not JSON, truncated, or not a JSON object. */
  MALFORMED_JSON,
  /** JSON, but neither a Debezium nor a GoldenGate envelope. */
  UNKNOWN_ENVELOPE,
  /** The envelope names a table the platform does not know. */
  UNKNOWN_TABLE,
  /** An operation that is never applied (GoldenGate truncate) or that is not known. */
  UNSUPPORTED_OP,
  /** The before or after image the operation needs is absent. */
  MISSING_IMAGE,
  /** A primary-key column is absent or null. */
  MISSING_KEY,
  /** A required non-key column is absent or null. */
  MISSING_COLUMN,
  /** A value has the wrong JSON type or cannot be read as the column's type. */
  WRONG_TYPE,
  /** A decimal that is not exact with at most 2 decimals, or a precise decimal without its scale. */
  BAD_DECIMAL,
  /** A yyyymmdd date or a timestamp that does not exist. */
  BAD_DATE,
  /** A value outside the column's allowed set (money type, status, ...). */
  BAD_VALUE,
  /** No usable source position (SCN or trail position). */
  MISSING_POSITION
}
