package io.rdphealth.cli;

import io.rdphealth.cli.windows.WindowsCommands;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WireListenerVerifier;
import io.rdphealth.policy.SeverityPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rdphealth fix NAME ...}: apply one Windows fix with dry run, host lock, backup,
 * verification and rollback (see docs/windows.md).
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Apply one fix to this Windows host (lock, backup, verify, roll back on failure).")
public final class FixCommand implements Callable<Integer> {
    /** The fixes this command applies, in the order the help lists them. */
    static final List<String> NAMES = List.of(WindowsFixNames.RENEW_CERT, WindowsFixNames.REPAIR_KEY_ACL,
            WindowsFixNames.ENABLE_FIREWALL, WindowsFixNames.ENABLE_TLS12, WindowsFixNames.START_SERVICES,
            WindowsFixNames.REBUILD_MACHINEKEYS);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "renew-cert, repair-key-acl, enable-firewall, enable-tls12, start-services or rebuild-machinekeys.")
    String name;

    @Option(names = "--profiles", split = ",", paramLabel = "PROFILE",
            description = "enable-firewall: domain, private and/or public (default: every active profile where the rule group is off).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--confirm-rebuild-machinekeys",
            description = "rebuild-machinekeys: confirm this last resort (other services' machine keys are set aside).")
    boolean confirmRebuildMachineKeys;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown fix '" + name + "' (expected one of " + String.join(", ", NAMES) + ")");
        }
        if (!profiles.isEmpty() && !WindowsFixNames.ENABLE_FIREWALL.equals(name)) {
            throw new IllegalArgumentException("--profiles applies to enable-firewall only");
        }
        if (confirmRebuildMachineKeys && !WindowsFixNames.REBUILD_MACHINEKEYS.equals(name)) {
            throw new IllegalArgumentException("--confirm-rebuild-machinekeys applies to rebuild-machinekeys only");
        }
        Set<FirewallProfile> chosen = EnumSet.noneOf(FirewallProfile.class);
        for (String profile : profiles) {
            chosen.add(FirewallProfile.parse(profile));
        }
        return WindowsCommands.forThisHost(new WireListenerVerifier(), SeverityPolicy.defaults())
                .fix(name, chosen, confirmRebuildMachineKeys, dryRun, spec.commandLine().getOut());
    }
}
