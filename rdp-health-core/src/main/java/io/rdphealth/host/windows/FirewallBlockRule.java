package io.rdphealth.host.windows;

import java.util.EnumSet;
import java.util.Set;

/**
 * An enabled inbound Windows Firewall rule with action Block whose protocol covers TCP (TCP or
 * any), as {@code INetFwRule} reports it. Block rules win over allow rules, so one that covers the
 * RDP port drops the connection even with the Remote Desktop group enabled. The strings are kept
 * as Windows gives them; {@link FirewallPortList} reads {@code localPorts}.
 *
 * @param name            the rule's name as shown in wf.msc (may be localized)
 * @param profiles        the profiles it applies to
 * @param localPorts      {@code *}, a list such as {@code 3389,3390-3400}, or a keyword such as {@code RPC}
 * @param remoteAddresses {@code *} or the addresses, ranges and keywords it is limited to
 * @param program         the program it is limited to, or {@code null} for any program
 * @param service         the service it is limited to, or {@code null} (or {@code *}) for any service
 */
public record FirewallBlockRule(String name, Set<FirewallProfile> profiles, String localPorts, String remoteAddresses,
                                String program, String service) {
    public FirewallBlockRule {
        profiles = profiles == null || profiles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(profiles));
    }

    /** Whether the rule applies to every remote address. */
    public boolean anyRemoteAddress() {
        return remoteAddresses == null || remoteAddresses.isBlank() || remoteAddresses.strip().equals("*");
    }
}
