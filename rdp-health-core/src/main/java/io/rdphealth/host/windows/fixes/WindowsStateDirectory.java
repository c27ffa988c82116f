package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.StateDirectoryGuard;
import io.rdphealth.host.windows.Ace;
import io.rdphealth.host.windows.SecurityDescriptor;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Windows state folder ({@code %ProgramData%\RdpHealth} and its {@code backups}): the
 * backups hold exported certificates with their key files, and a folder under ProgramData
 * inherits read access for Users. So it gets a protected DACL granting only SYSTEM and
 * BUILTIN\Administrators full control ({@link #SDDL}); an existing folder whose DACL is not
 * protected or allows anyone else is set to it, and the line saying so names the DACL it had.
 * The owner is left as it is (only the DACL is written).
 */
public final class WindowsStateDirectory implements StateDirectoryGuard {
    /** Protected (no inherited entries), SYSTEM and Administrators full control, inherited by files and subfolders. */
    public static final String SDDL = "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
    private static final Set<String> ALLOWED = Set.of(WindowsConstants.SID_SYSTEM, WindowsConstants.SID_ADMINISTRATORS);

    private final WindowsPort port;

    public WindowsStateDirectory(WindowsPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public List<String> secure(Path stateDir) throws StateDirectoryException {
        List<String> changes = new ArrayList<>();
        secure(stateDir, changes);
        secure(stateDir.resolve("backups"), changes);
        return changes;
    }

    private void secure(Path dir, List<String> changes) throws StateDirectoryException {
        String shown = dir.toString();
        try {
            if (!port.exists(dir)) {
                port.createDirectory(dir, SDDL);
                changes.add("created " + shown + " with the DACL " + SDDL + " (SYSTEM and Administrators only)");
                return;
            }
            String current = port.readSecurityDescriptor(dir);
            if (!restricted(current)) {
                port.writeSecurityDescriptor(dir, SDDL);
                changes.add("tightened the DACL of " + shown + " from " + current + " to " + SDDL
                        + " (SYSTEM and Administrators only)");
            }
        } catch (WindowsPortException | IOException | IllegalArgumentException e) {
            throw new StateDirectoryException("cannot restrict " + shown + " to SYSTEM and Administrators (it holds backups "
                    + "of private keys), so no fix runs: " + e.getMessage(), e);
        }
    }

    /** Protected, and every allow entry is for SYSTEM or Administrators (deny entries only narrow it). */
    static boolean restricted(String sddl) {
        SecurityDescriptor sd = Sddl.parse(sddl);
        if (!sd.daclFlags().contains("P")) {
            return false;
        }
        for (Ace ace : sd.dacl()) {
            if (ace.allows() && !ALLOWED.contains(ace.sid())) {
                return false;
            }
        }
        return true;
    }
}
