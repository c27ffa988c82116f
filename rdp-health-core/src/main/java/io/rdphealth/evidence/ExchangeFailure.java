package io.rdphealth.evidence;

/**
 * Why an exchange did not produce the expected answer.
 *
 * @param kind        classified cause
 * @param detail      one line naming what was seen (bytes, alert, error text)
 * @param afterMillis time from the start of the exchange to the failure
 */
public record ExchangeFailure(FailureKind kind, String detail, double afterMillis) {
}
