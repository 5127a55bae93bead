package io.fundflow.common.model;

/** State of an advisory order; only ACCEPTED orders count in the metrics. */
public enum OrderStatus {
  ACCEPTED,
  CANCELLED
}
