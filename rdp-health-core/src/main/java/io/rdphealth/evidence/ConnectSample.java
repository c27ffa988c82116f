package io.rdphealth.evidence;

/**
 * One TCP connect: its duration, or how it failed.
 *
 * @param millis  connect time in milliseconds, or {@code null} when it failed
 * @param failure failure kind ({@code REFUSED}, {@code CONNECT_TIMEOUT}), or {@code null}
 */
public record ConnectSample(Double millis, FailureKind failure) {
    public static ConnectSample ok(double millis) {
        return new ConnectSample(millis, null);
    }

    public static ConnectSample failed(FailureKind kind) {
        return new ConnectSample(null, kind);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
