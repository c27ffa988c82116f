package io.rdphealth.host.windows.jna;

import com.sun.jna.platform.win32.COM.util.annotation.ComInterface;
import com.sun.jna.platform.win32.COM.util.annotation.ComProperty;

/** The read-only parts of COM {@code INetFwRule} the port reads; jna-platform has no declaration. */
@ComInterface(iid = "{AF230D27-BABA-4E42-ACED-F524F22CFCE2}")
interface FirewallRuleCom {
    /** NET_FW_RULE_DIR_IN. */
    int DIRECTION_IN = 1;
    /** NET_FW_ACTION_BLOCK. */
    int ACTION_BLOCK = 0;
    /** NET_FW_IP_PROTOCOL_TCP. */
    int PROTOCOL_TCP = 6;
    /** NET_FW_IP_PROTOCOL_ANY. */
    int PROTOCOL_ANY = 256;

    @ComProperty(name = "Name")
    String getName();

    @ComProperty(name = "Enabled")
    Boolean getEnabled();

    @ComProperty(name = "Direction")
    Integer getDirection();

    @ComProperty(name = "Action")
    Integer getAction();

    @ComProperty(name = "Protocol")
    Integer getProtocol();

    @ComProperty(name = "Profiles")
    Integer getProfiles();

    @ComProperty(name = "LocalPorts")
    String getLocalPorts();

    @ComProperty(name = "RemoteAddresses")
    String getRemoteAddresses();

    @ComProperty(name = "ApplicationName")
    String getApplicationName();

    @ComProperty(name = "ServiceName")
    String getServiceName();
}
