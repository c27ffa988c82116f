package io.rdphealth.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** The inspector against {@link ScriptedWindowsPort} (Windows cannot run here): port state in, the same snapshot out. */
class WindowsInspectorTest {
    static final List<String> SNAPSHOTS = Snapshots.ALL;

    @ParameterizedTest
    @FieldSource("SNAPSHOTS")
    void inspectingAHostSeededFromASnapshotGivesThatSnapshotBack(String name) {
        WindowsHostFacts recorded = Snapshots.load(name);
        Clock clock = Clock.fixed(recorded.collectedAt(), ZoneOffset.UTC);

        WindowsHostFacts inspected = new WindowsInspector(ScriptedWindowsPort.from(recorded, clock), clock).inspect();

        assertThat(inspected).isEqualTo(recorded);
    }

    @Test
    void aSectionThatCannotBeReadIsNamedAndTheRestIsKept() {
        WindowsHostFacts recorded = Snapshots.load("healthy");
        Clock clock = Clock.fixed(recorded.collectedAt(), ZoneOffset.UTC);
        ScriptedWindowsPort scripted = ScriptedWindowsPort.from(recorded, clock);
        WindowsPort denyingEvents = (WindowsPort) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WindowsPort.class}, (proxy, method, args) -> {
                    if (method.getName().equals("queryEvents")) {
                        throw new WindowsPortException("EvtQuery System: error 5 (access denied)");
                    }
                    try {
                        return method.invoke(scripted, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        WindowsHostFacts inspected = new WindowsInspector(denyingEvents, clock).inspect();

        assertThat(inspected.inspectionErrors()).containsExactly("System event log: EvtQuery System: error 5 (access denied)");
        assertThat(inspected.events()).isEmpty();
        assertThat(inspected.certificates()).isEqualTo(recorded.certificates());
        assertThat(inspected.listener()).isEqualTo(recorded.listener());
    }

    @Test
    void aMissingSelfSignedKeyIsReportedAtItsWellKnownPath() {
        WindowsHostFacts recorded = Snapshots.load("healthy");
        StoreCertificate cert = recorded.certificates().get(0);
        KeyContainer gone = new KeyContainer(cert.key().containerName(), cert.key().uniqueName(), cert.key().path(), false, null);
        WindowsHostFacts keyless = withCertificates(recorded, List.of(new StoreCertificate(cert.store(), cert.certificate(), gone)));
        Clock clock = Clock.fixed(recorded.collectedAt(), ZoneOffset.UTC);

        WindowsHostFacts inspected = new WindowsInspector(ScriptedWindowsPort.from(keyless, clock), clock).inspect();

        assertThat(inspected.certificates().get(0).key()).isEqualTo(gone);
    }

    static WindowsHostFacts withCertificates(WindowsHostFacts f, List<StoreCertificate> certificates) {
        return new WindowsHostFacts(f.schemaVersion(), f.collectedAt(), f.computerName(), f.machineGuid(), f.listener(), certificates,
                f.machineKeys(), f.services(), f.firewall(), f.schannel(), f.cryptoPolicy(), f.events(), f.inspectionErrors());
    }
}
