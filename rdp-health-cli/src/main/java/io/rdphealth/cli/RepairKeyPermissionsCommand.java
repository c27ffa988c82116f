package io.rdphealth.cli;

import io.rdphealth.fix.ChangeListener;
import io.rdphealth.host.xrdp.WireServedCertificateSource;
import io.rdphealth.host.xrdp.XrdpInspector;
import io.rdphealth.host.xrdp.XrdpKeyPermissionRepair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rdphealth repair-key-permissions --xrdp}: the automated fix of XRDP_KEY_UNREADABLE. */
@Command(name = "repair-key-permissions", mixinStandardHelpOptions = true,
        description = "Make xrdp's key readable by xrdp's runtime user (private copy for a shared link, group and mode "
                + "for xrdp's own file), verified from the wire and rolled back on failure.")
public final class RepairKeyPermissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--xrdp", required = true, description = "Repair xrdp's key (Linux).")
    boolean xrdp;

    @Option(names = "--config", paramLabel = "FILE", description = "xrdp.ini (default: ${DEFAULT-VALUE}).")
    Path config = XrdpInspector.DEFAULT_INI;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Lock, journal and backups (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("/var/lib/rdphealth");

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Wait this long for another change on this host (default: ${DEFAULT-VALUE}).")
    int lockTimeout;

    @Override
    public Integer call() throws IOException {
        var runner = new io.rdphealth.fix.ChangeRunner(stateDir, ChangeListener.SILENT, Duration.ofSeconds(lockTimeout));
        var result = new XrdpKeyPermissionRepair(new XrdpInspector(), runner, new WireServedCertificateSource())
                .repair(config, dryRun);
        return XrdpResultPrinter.print(result, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
