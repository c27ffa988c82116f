package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.Step;
import io.rdphealth.fix.StepFailedException;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.rules.EffectiveCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * rebuild-machinekeys: the last resort when the MachineKeys folder is damaged beyond an ACL
 * repair. The folder is copied to the backup, renamed aside, re-created with the default ACL, and
 * the RDP services restarted so Windows generates a new self-signed certificate. Never automatic:
 * it refuses to plan without the explicit confirmation, because every other service's machine
 * keys (IIS, WinRM, ...) stay behind in the renamed folder.
 */
public final class RebuildMachineKeys {
    /**
     * Default MachineKeys DACL (KB 278381): Administrators full control and Everyone's "special"
     * rights (read/write data, append, read/write attributes and extended attributes, read
     * permissions; 0x12019f with SYNCHRONIZE), both for this folder only (no inheritance flags).
     */
    public static final String DEFAULT_SDDL = "D:PAI(A;;FA;;;BA)(A;;0x12019f;;;WD)";

    private RebuildMachineKeys() {
    }

    /** Refuses unless the person confirmed the rebuild explicitly. */
    public static void requireConfirmation(boolean confirmed) throws FixRefusedException {
        if (!confirmed) {
            throw new FixRefusedException("rebuilding MachineKeys affects the machine keys of every service on the host "
                    + "(IIS, WinRM, SQL Server, ...); it is never done without --confirm-rebuild-machinekeys");
        }
    }

    public static WindowsFixPlan plan(FixContext ctx, boolean confirmed) throws FixRefusedException {
        requireConfirmation(confirmed);
        WindowsPort port = ctx.port();
        Path folder = WindowsInspector.machineKeysFolder(port.programData());
        Path aside = folder.resolveSibling("MachineKeys.rdphealth-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(ctx.clock().instant()));
        int listenerPort = ctx.facts().listener().effectivePort();
        String store = ctx.facts().listener().effectiveSelfSignedStore();
        String oldThumbprint = EffectiveCertificate.selfSigned(ctx.facts()).map(c -> c.thumbprint()).orElse(null);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("check the RDP services are installed (rollback restarts them)",
                context -> WindowsCompensations.restartRdpServices(),
                context -> {
                    for (String name : ServiceControl.START_ORDER) {
                        if (port.queryService(name).state() == ServiceState.NOT_INSTALLED) {
                            throw new StepFailedException(name + " is not installed");
                        }
                    }
                }));
        steps.add(Step.of("copy " + folder + " to the backup, then rename it to " + aside,
                context -> {
                    // The renamed folder is what the undo moves back; the copy is for a person restoring by hand.
                    WindowsCompensations.save(context, "MachineKeys.sddl",
                            port.readSecurityDescriptor(folder).getBytes(StandardCharsets.UTF_8));
                    port.copyTree(folder, context.backupDir().resolve("MachineKeys"));
                    return WindowsCompensations.folderAside(folder, aside);
                },
                context -> port.move(folder, aside)));
        // Undone by the rename's undo, which deletes what is at the folder's place.
        steps.add(Step.check("create an empty " + folder + " with the default ACL " + DEFAULT_SDDL,
                context -> port.createDirectory(folder, DEFAULT_SDDL)));
        if (oldThumbprint != null) {
            steps.add(Step.of("delete the self-signed certificate " + oldThumbprint + " (its key is in the renamed folder)",
                    context -> WindowsCompensations.storeCertificate(port, context, store, oldThumbprint, null),
                    context -> port.deleteCertificate(store, oldThumbprint)));
        }
        steps.add(Step.check("restart SessionEnv and TermService so Windows generates a new certificate",
                context -> ctx.services().restartAll()));
        return new WindowsFixPlan(WindowsFixNames.REBUILD_MACHINEKEYS,
                List.of("every machine private key on this host (IIS, WinRM, SQL Server, ...) stays in " + aside
                                + " and is no longer found by its service; re-import those certificates afterwards",
                        "TermService is restarted: every RDP session disconnects"),
                "a full copy of " + folder + " and its ACL, the old certificate as a serialized store element", steps,
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
