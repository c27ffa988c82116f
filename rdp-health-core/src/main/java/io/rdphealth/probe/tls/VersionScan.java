package io.rdphealth.probe.tls;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.evidence.TlsVersionResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one ServerHello tells about the TLS versions a scan connection offered. A server picks the
 * highest version both sides support (RFC 5246 E.1, RFC 8446 4.2.1), so offering several at once
 * answers for all of them except those below the chosen one: TLS 1.0 and 1.1 offered together
 * need one connection, not two, unless the server picks 1.1 (then 1.0 is asked alone).
 * A pure function: no I/O.
 *
 * @param results what is known, one result per version
 * @param unknown versions below the chosen one, still to be asked
 */
public record VersionScan(List<TlsVersionResult> results, Set<TlsVersion> unknown) {

    public VersionScan {
        results = List.copyOf(results);
        unknown = Set.copyOf(unknown);
    }

    /**
     * @param offered the versions the client offered (not empty)
     * @param chosen  the version in the server's hello; {@code null} when there was no hello
     * @param failure why there was no hello (alert, reset, timeout); only read when {@code chosen} is null
     */
    public static VersionScan interpret(Set<TlsVersion> offered, TlsVersion chosen, String failure) {
        Objects.requireNonNull(offered, "offered");
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("a scan offers at least one version");
        }
        EnumSet<TlsVersion> ordered = EnumSet.copyOf(offered);
        List<TlsVersionResult> results = new ArrayList<>();
        if (chosen == null || !ordered.contains(chosen)) {
            String why = chosen == null ? failure : "the server answered with " + chosen.label() + ", which was not offered";
            ordered.forEach(version -> results.add(new TlsVersionResult(version, false, why)));
            return new VersionScan(results, Set.of());
        }
        EnumSet<TlsVersion> unknown = EnumSet.noneOf(TlsVersion.class);
        for (TlsVersion version : ordered) {
            if (version == chosen) {
                results.add(new TlsVersionResult(version, true, null));
            } else if (version.compareTo(chosen) > 0) {
                results.add(new TlsVersionResult(version, false, "the server chose " + chosen.label() + " when "
                        + labels(ordered) + " " + (ordered.size() == 1 ? "was" : "were") + " offered"));
            } else {
                unknown.add(version);
            }
        }
        return new VersionScan(results, unknown);
    }

    private static String labels(Set<TlsVersion> versions) {
        return versions.stream().map(TlsVersion::label).collect(Collectors.joining(", "));
    }
}
