package io.rdphealth.host.windows.fixes;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one fix run.
 *
 * @param fix            the fix name
 * @param status         how it ended
 * @param log            what happened, line by line
 * @param before         certificate served before, or {@code null}
 * @param after          certificate served after a successful fix, or {@code null}
 * @param backup         where the backup was written, or {@code null} when none was
 * @param rebootRequired whether a reboot is needed for the change to take effect
 * @param error          why it failed or was refused, or {@code null}
 */
public record FixResult(
        String fix,
        FixStatus status,
        List<String> log,
        CertificateState before,
        CertificateState after,
        Path backup,
        boolean rebootRequired,
        String error) {

    public FixResult {
        log = List.copyOf(log);
    }

    public static FixResult refused(String fix, String why) {
        return new FixResult(fix, FixStatus.REFUSED, List.of("refused: " + why), null, null, null, false, why);
    }

    public boolean succeeded() {
        return status == FixStatus.APPLIED || status == FixStatus.PLANNED;
    }
}
