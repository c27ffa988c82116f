package io.rdphealth.cli;

import io.rdphealth.cli.windows.WindowsCommands;
import io.rdphealth.host.windows.WireListenerVerifier;
import io.rdphealth.policy.SeverityPolicy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rdphealth diagnose --facts facts.json [--probe-result r.json]}: diagnose a Windows host
 * snapshot (written by {@code inspect --windows --save}) on any machine.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose a Windows host snapshot (from 'inspect --windows --save FILE') on any machine, "
                + "optionally together with a JSON report of a wire probe of that host.")
public final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--facts", required = true, paramLabel = "FILE", description = "The host snapshot (JSON).")
    Path facts;

    @Option(names = "--probe-result", paramLabel = "FILE",
            description = "A 'check --json' report of this host: compares the probed port and served certificate too.")
    Path probeResult;

    @Option(names = "--expiry-window", paramLabel = "DAYS", defaultValue = "30",
            description = "CERT_EXPIRING_SOON when fewer days are left (default: ${DEFAULT-VALUE}).")
    int expiryWindow;

    @Override
    public Integer call() {
        SeverityPolicy policy = SeverityPolicy.defaults().withExpiryWindowDays(expiryWindow);
        return WindowsCommands.forThisHost(new WireListenerVerifier(), policy)
                .diagnose(facts, probeResult, spec.commandLine().getOut());
    }
}
