package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.FolderAcl;
import io.rdphealth.host.windows.SecurityDescriptor;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * MACHINEKEYS_ACL_BROKEN: the default MachineKeys ACL gives Administrators full control and
 * Everyone read plus write (so services can create their own keys); without these new keys
 * cannot be created (event 1057).
 */
public final class MachineKeysAclRule implements WindowsRule {
    /** FILE_READ_DATA|FILE_WRITE_DATA (list/add file on a folder) that Everyone needs. */
    static final int EVERYONE_REQUIRED = 0x1 | 0x2;
    static final int FULL_CONTROL = 0x1F01FF;

    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        FolderAcl acl = facts.machineKeys();
        if (acl == null || acl.sddl() == null) {
            return List.of();
        }
        SecurityDescriptor sd;
        List<String> problems = new ArrayList<>();
        try {
            sd = Sddl.parse(acl.sddl());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (!sd.allowsAll(WindowsConstants.SID_ADMINISTRATORS, FULL_CONTROL)) {
            problems.add("Administrators (S-1-5-32-544) lack full control");
        }
        if (!sd.allowsAll(WindowsConstants.SID_EVERYONE, EVERYONE_REQUIRED)) {
            problems.add("Everyone (S-1-1-0) lacks read+write (list folder / create files)");
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("folder " + acl.path());
        evidence.add("ACL " + acl.sddl());
        evidence.addAll(problems);
        return List.of(Finding.of(FindingId.MACHINEKEYS_ACL_BROKEN, facts.computerName(),
                "The MachineKeys folder ACL differs from the default: Windows cannot create or read machine keys",
                evidence,
                Fix.manual("Restore the default ACL on " + acl.path() + ": Administrators Full control, Everyone special "
                                + "(List folder/Read data, Create files/Write data, Read attributes, Read permissions), this folder only",
                        "Then renew the certificate: rdphealth renew-cert --windows",
                        "Last resort only, affects every service's machine keys (IIS, WinRM, ...): "
                                + "rdphealth fix rebuild-machinekeys --confirm-rebuild-machinekeys (backs the folder up first)")));
    }
}
