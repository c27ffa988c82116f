package io.rdphealth.host;

import io.rdphealth.host.windows.jna.JnaWindowsPort;
import io.rdphealth.host.xrdp.XrdpInspector;
import io.rdphealth.target.Target;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;

/** The machine this code runs on: which inspector applies, and which targets point at it. */
public final class LocalHost {
    private LocalHost() {
    }

    /** Windows inspection on Windows, xrdp inspection (of /etc/xrdp/xrdp.ini) elsewhere. */
    public static HostInspector inspector(Clock clock) {
        if (isWindows()) {
            return new WindowsHostInspector(new JnaWindowsPort(), clock);
        }
        return new XrdpHostInspector(XrdpInspector.DEFAULT_INI);
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Whether a target names this machine: a loopback or local interface address, {@code localhost},
     * or this host's name. Literals are compared without DNS; a name is compared with the local
     * host name only (no lookup), so a remote target is never inspected as if it were local.
     */
    public static boolean isThisHost(Target target) {
        String host = target.host().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            try {
                InetAddress address = InetAddress.getByName(host);
                return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
            } catch (UnknownHostException | SocketException e) {
                return false;
            }
        }
        try {
            String local = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            String shortLocal = local.contains(".") ? local.substring(0, local.indexOf('.')) : local;
            String shortHost = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            return host.equals(local) || (shortHost.equals(shortLocal) && (!host.contains(".") || !local.contains(".")));
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
