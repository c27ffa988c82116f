package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.fix.Step;
import io.rdphealth.host.windows.RegistryValue;
import io.rdphealth.host.windows.SchannelProtocol;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import java.util.List;

/** enable-tls12: set SCHANNEL TLS 1.2 Server Enabled = 1, DisabledByDefault = 0; a reboot is needed. */
public final class EnableTls12 {
    private EnableTls12() {
    }

    public static WindowsFixPlan plan(FixContext ctx) throws FixRefusedException {
        WindowsPort port = ctx.port();
        SchannelProtocol tls12 = ctx.facts().schannel(TlsVersion.TLS_1_2);
        if (tls12 != null && !tls12.explicitlyDisabled()) {
            throw new FixRefusedException("TLS 1.2 is not disabled in SCHANNEL; nothing to do");
        }
        String key = SchannelProtocol.registryKey(TlsVersion.TLS_1_2);
        Step enabled = setDword(port, key, WindowsConstants.SCHANNEL_ENABLED, 1);
        Step byDefault = setDword(port, key, WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT, 0);
        return new WindowsFixPlan(WindowsFixNames.ENABLE_TLS12,
                List.of("SCHANNEL reads these values at boot: the host must be rebooted before TLS 1.2 works"),
                "the current Enabled and DisabledByDefault values", List.of(enabled, byDefault),
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

    private static Step setDword(WindowsPort port, String key, String name, int value) {
        return Step.of("set HKLM\\" + key + "\\" + name + " = " + value,
                context -> WindowsCompensations.registryValue(port, key, name),
                context -> port.writeRegistry(key, name, new RegistryValue.Dword(value)));
    }
}
