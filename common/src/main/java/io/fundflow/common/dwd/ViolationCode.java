package io.fundflow.common.dwd;

/** Why a source row failed a DWD rule and went to {@code dlq.dwd}. Stable codes for metrics. */
public enum ViolationCode {
  /** A column the rules need is null (the decoder should have caught it; checked again here). */
  MISSING_VALUE,
  /** An amount with more than 2 decimals that are not zero. */
  AMOUNT_SCALE,
  /** An amount that does not fit NUMBER(19,2). */
  AMOUNT_OUT_OF_RANGE,
  /** CLIENT_ID or FUND_ACCOUNT empty or only whitespace. */
  BLANK_IDENTIFIER,
  /** A text column longer than its VARCHAR2 width. */
  TOO_LONG,
  /** BRANCH_NO outside NUMBER(6), 0..999999. */
  BRANCH_OUT_OF_RANGE,
  /** SERIAL_NO outside NUMBER(12), 0..999999999999. */
  SERIAL_OUT_OF_RANGE,
  /** BUSINESS_FLAG outside NUMBER(6), 0..999999. */
  BUSINESS_FLAG_OUT_OF_RANGE,
  /** INIT_DATE is not a real yyyymmdd date. */
  BAD_INIT_DATE,
  /** OCCUR_TIME's date is too far from INIT_DATE (see {@link FundJournalValidator}). */
  OCCUR_TIME_OUT_OF_RANGE,
  /** An advisory order's AMOUNT that is zero or negative (SPEC §1: AMOUNT > 0). */
  NON_POSITIVE_AMOUNT,
  /** An advisory order's TRADE_DATE that is not a real yyyymmdd date. */
  BAD_TRADE_DATE,
  /** A contract whose STATUS contradicts its times (signed without SIGN_TIME, signed before applied, ...). */
  INCONSISTENT_CONTRACT
}
