package io.fundflow.common.model;

/** Lifecycle state of an advisory contract (SPEC §1 ADVISORY_CONTRACT.STATUS). */
public enum ContractStatus {
  APPLIED,
  SIGNED,
  TERMINATED,
  REJECTED
}
