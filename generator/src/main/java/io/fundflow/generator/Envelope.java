package io.fundflow.generator;

/** Which change-log envelope carries a message (SPEC §1). */
public enum Envelope {
  DEBEZIUM,
  GOLDENGATE
}
