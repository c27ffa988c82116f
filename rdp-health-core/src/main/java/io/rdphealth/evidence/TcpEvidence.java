package io.rdphealth.evidence;

import java.util.Arrays;
import java.util.List;

/**
 * Connect-time samples to one address: every connection the probe opened contributes one.
 * Statistics are derived on demand, not stored, so they cannot disagree with the samples.
 *
 * @param samples          one per connection, in the order they completed
 * @param clientLagMillis  the longest the client's own threads ran late while these samples were
 *                         taken (a starved client inflates connect times by about that much), or
 *                         {@code null} when not measured
 */
public record TcpEvidence(List<ConnectSample> samples, Double clientLagMillis) {
    public TcpEvidence {
        samples = List.copyOf(samples);
    }

    /** Samples without a client-lag measurement. */
    public TcpEvidence(List<ConnectSample> samples) {
        this(samples, null);
    }

    public int failures() {
        return (int) samples.stream().filter(s -> !s.succeeded()).count();
    }

    /** Fraction of failed connects, 0..1. */
    public double lossRatio() {
        return samples.isEmpty() ? 0 : (double) failures() / samples.size();
    }

    private double[] times() {
        return samples.stream().filter(ConnectSample::succeeded).mapToDouble(ConnectSample::millis).sorted().toArray();
    }

    public Double minMillis() {
        double[] t = times();
        return t.length == 0 ? null : t[0];
    }

    public Double medianMillis() {
        double[] t = times();
        if (t.length == 0) {
            return null;
        }
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    public Double maxMillis() {
        double[] t = times();
        return t.length == 0 ? null : t[t.length - 1];
    }

    /** Mean absolute difference between consecutive successful samples (RFC 3550 style jitter). */
    public Double jitterMillis() {
        double[] inOrder = samples.stream().filter(ConnectSample::succeeded).mapToDouble(ConnectSample::millis).toArray();
        if (inOrder.length < 2) {
            return null;
        }
        double sum = 0;
        for (int i = 1; i < inOrder.length; i++) {
            sum += Math.abs(inOrder[i] - inOrder[i - 1]);
        }
        return sum / (inOrder.length - 1);
    }

    @Override
    public String toString() {
        return "TcpEvidence" + Arrays.toString(samples.toArray());
    }
}
