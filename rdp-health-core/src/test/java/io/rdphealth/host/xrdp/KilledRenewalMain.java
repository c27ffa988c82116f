package io.rdphealth.host.xrdp;

import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Test helper run in a child JVM: a renewal that halts the JVM (no finally blocks, no shutdown
 * hooks: what SIGKILL does) right after step N was applied.
 */
public final class KilledRenewalMain {
    static final int HALTED = 137;

    private KilledRenewalMain() {
    }

    public static void main(String[] args) throws Exception {
        int haltAfter = Integer.parseInt(args[2]);
        ChangeListener killer = new ChangeListener() {
            @Override
            public void afterStep(int index, Step step) {
                if (index == haltAfter) {
                    Runtime.getRuntime().halt(HALTED);
                }
            }
        };
        XrdpChangeResult result = XrdpHostSetup.renewal(Path.of(args[1]),
                XrdpHostSetup.clockAt(Instant.now().plus(Duration.ofDays(20))), new WireServedCertificateSource(), killer)
                .renew(XrdpHostSetup.request(Path.of(args[0]), false));
        System.out.println("not halted: " + result);
        System.exit(1);
    }
}
