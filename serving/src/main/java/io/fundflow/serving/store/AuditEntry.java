package io.fundflow.serving.store;

import java.time.LocalDateTime;

/**
 * One row of {@code AUDIT_QUERY}: who asked what, how it ended and how many rows it returned.
 *
 * @param username the trader, or {@code (anonymous)} when no valid token came with the request
 * @param clientId the customer asked for; null when none or not a valid id
 * @param rangeFrom start of the asked range, null when not parsed
 * @param rangeTo end of the asked range, null when not parsed
 * @param filters route, filters and, for a refusal, its reason (at most 400 characters stored)
 * @param rowsReturned rows served, null when refused
 * @param outcome OK, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, UNAVAILABLE or ERROR
 * @param statusCode the HTTP status answered
 * @param askedAt when, Asia/Shanghai local time
 */
public record AuditEntry(
    String username,
    String clientId,
    LocalDateTime rangeFrom,
    LocalDateTime rangeTo,
    String filters,
    Long rowsReturned,
    String outcome,
    int statusCode,
    LocalDateTime askedAt) {}
