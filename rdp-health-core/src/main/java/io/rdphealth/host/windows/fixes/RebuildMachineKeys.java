package io.rdphealth.host.windows.fixes;

import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.fix.CertificateState;
import io.rdphealth.host.windows.fix.FixPlan;
import io.rdphealth.host.windows.fix.FixRefusedException;
import io.rdphealth.host.windows.fix.FixStep;
import io.rdphealth.host.windows.rules.EffectiveCertificate;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * rebuild-machinekeys: the last resort when the MachineKeys folder is damaged beyond an ACL
 * repair. The folder is copied to the backup, renamed aside, re-created with the default ACL, and
 * the RDP services restarted so Windows generates a new self-signed certificate. Never automatic:
 * it refuses to plan without the explicit confirmation, because every other service's machine
 * keys (IIS, WinRM, ...) stay behind in the renamed folder.
 */
public final class RebuildMachineKeys {
    /** Default MachineKeys DACL: Administrators full control, Everyone read+write (special), not inherited. */
    public static final String DEFAULT_SDDL = "D:PAI(A;;FA;;;BA)(A;;0x12019f;;;WD)";

    private RebuildMachineKeys() {
    }

    public static FixPlan plan(FixContext ctx, boolean confirmed) throws FixRefusedException {
        if (!confirmed) {
            throw new FixRefusedException("rebuilding MachineKeys affects the machine keys of every service on the host "
                    + "(IIS, WinRM, SQL Server, ...); it is never done without --confirm-rebuild-machinekeys");
        }
        WindowsPort port = ctx.port();
        Path folder = WindowsInspector.machineKeysFolder(port.programData());
        Path aside = folder.resolveSibling("MachineKeys.rdphealth-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(ctx.clock().instant()));
        int listenerPort = ctx.facts().listener().effectivePort();
        String store = ctx.facts().listener().effectiveSelfSignedStore();
        String oldThumbprint = EffectiveCertificate.selfSigned(ctx.facts()).map(c -> c.thumbprint()).orElse(null);
        String[] oldSddl = new String[1];
        FixPlan.Backup backup = target -> {
            oldSddl[0] = port.readSecurityDescriptor(folder);
            port.createDirectory(target, null);
            port.copyTree(folder, target.resolve("MachineKeys"));
            FixSupport.writeText(port, target.resolve("MachineKeys.sddl"), oldSddl[0]);
            if (oldThumbprint != null) {
                port.writeFile(target.resolve(oldThumbprint + ".certelement"), port.serializeCertificate(store, oldThumbprint));
            }
        };
        byte[][] oldElement = new byte[1][];
        List<FixStep> steps = List.of(
                new FixStep("check the RDP services are installed (rollback restarts them)",
                        () -> port.queryService(ServiceControl.START_ORDER.get(0)), () -> ctx.services().restartAll()),
                new FixStep("rename " + folder + " to " + aside,
                        () -> port.move(folder, aside),
                        () -> {
                            if (port.exists(aside)) {
                                port.deleteTree(folder);
                                port.move(aside, folder);
                            }
                        }),
                new FixStep("create an empty " + folder + " with the default ACL " + DEFAULT_SDDL,
                        () -> port.createDirectory(folder, DEFAULT_SDDL), null),
                new FixStep("delete the self-signed certificate" + (oldThumbprint == null ? "" : " " + oldThumbprint)
                        + " (its key is in the renamed folder)",
                        () -> {
                            if (oldThumbprint != null) {
                                oldElement[0] = port.serializeCertificate(store, oldThumbprint);
                                port.deleteCertificate(store, oldThumbprint);
                            }
                        },
                        () -> {
                            for (var other : FixSupport.certificates(port, store)) {
                                if (!other.sha1().equals(oldThumbprint)) {
                                    port.deleteCertificate(store, other.sha1());
                                }
                            }
                            if (oldElement[0] != null) {
                                port.addSerializedCertificate(store, oldElement[0]);
                            }
                        }),
                new FixStep("restart SessionEnv and TermService so Windows generates a new certificate",
                        () -> ctx.services().restartAll(), null));
        return new FixPlan(WindowsFixNames.REBUILD_MACHINEKEYS,
                List.of("every machine private key on this host (IIS, WinRM, SQL Server, ...) stays in " + aside
                                + " and is no longer found by its service; re-import those certificates afterwards",
                        "TermService is restarted: every RDP session disconnects"),
                "a full copy of " + folder + " and its ACL", backup, steps,
                "the listener on 127.0.0.1:" + listenerPort + " serves a new self-signed certificate",
                () -> {
                    String served = ctx.verifier().servedSha1Thumbprint(listenerPort);
                    var found = FixSupport.find(port, store, served)
                            .orElseThrow(() -> new IllegalStateException("the listener serves " + served + ", which is not in " + store));
                    if (served.equalsIgnoreCase(oldThumbprint)) {
                        throw new IllegalStateException("the listener still serves the old certificate");
                    }
                    return new CertificateState(found.info().sha1(), found.info().notAfter());
                },
                FixSupport.servedBefore(ctx), false);
    }
}
