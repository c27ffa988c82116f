package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.host.windows.RegistryValue;
import io.rdphealth.host.windows.SchannelProtocol;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.fix.FixPlan;
import io.rdphealth.host.windows.fix.FixRefusedException;
import io.rdphealth.host.windows.fix.FixStep;
import java.util.List;
import java.util.Optional;

/** enable-tls12: set SCHANNEL TLS 1.2 Server Enabled = 1, DisabledByDefault = 0; a reboot is needed. */
public final class EnableTls12 {
    private EnableTls12() {
    }

    public static FixPlan plan(FixContext ctx) throws FixRefusedException {
        WindowsPort port = ctx.port();
        SchannelProtocol tls12 = ctx.facts().schannel(TlsVersion.TLS_1_2);
        if (tls12 != null && !tls12.explicitlyDisabled()) {
            throw new FixRefusedException("TLS 1.2 is not disabled in SCHANNEL; nothing to do");
        }
        String key = SchannelProtocol.registryKey(TlsVersion.TLS_1_2);
        @SuppressWarnings("unchecked")
        Optional<RegistryValue>[] old = new Optional[2];
        FixPlan.Backup backup = folder -> {
            old[0] = port.readRegistry(key, WindowsConstants.SCHANNEL_ENABLED);
            old[1] = port.readRegistry(key, WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT);
            port.createDirectory(folder, null);
            FixSupport.writeText(port, folder.resolve("schannel-tls12.txt"),
                    "HKLM\\" + key + "\nEnabled=" + old[0].map(Object::toString).orElse("(absent)")
                            + "\nDisabledByDefault=" + old[1].map(Object::toString).orElse("(absent)") + "\n");
        };
        FixStep enabled = new FixStep("set HKLM\\" + key + "\\Enabled = 1",
                () -> port.writeRegistry(key, WindowsConstants.SCHANNEL_ENABLED, new RegistryValue.Dword(1)),
                () -> restore(port, key, WindowsConstants.SCHANNEL_ENABLED, old[0]));
        FixStep byDefault = new FixStep("set HKLM\\" + key + "\\DisabledByDefault = 0",
                () -> port.writeRegistry(key, WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT, new RegistryValue.Dword(0)),
                () -> restore(port, key, WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT, old[1]));
        return new FixPlan(WindowsFixNames.ENABLE_TLS12,
                List.of("SCHANNEL reads these values at boot: the host must be rebooted before TLS 1.2 works"),
                "the current Enabled and DisabledByDefault values", backup, List.of(enabled, byDefault),
                "the registry holds Enabled = 1 and DisabledByDefault = 0 (the wire shows it only after the reboot)",
                () -> {
                    if (!new RegistryValue.Dword(1).equals(port.readRegistry(key, WindowsConstants.SCHANNEL_ENABLED).orElse(null))
                            || !new RegistryValue.Dword(0).equals(port.readRegistry(key, WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT).orElse(null))) {
                        throw new IllegalStateException("the TLS 1.2 values did not stick");
                    }
                    return null;
                },
                null, true);
    }

    private static void restore(WindowsPort port, String key, String name, Optional<RegistryValue> old) {
        if (old == null) {
            return;
        }
        if (old.isPresent()) {
            port.writeRegistry(key, name, old.get());
        } else {
            port.deleteRegistryValue(key, name);
        }
    }
}
