package io.rdphealth.host.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class WindowsFactsJsonTest {
    private static final String NOISE = "{}[]\",:0-9aZ\\";
    private final WindowsFactsJson json = new WindowsFactsJson();

    static final java.util.List<String> SNAPSHOTS = Snapshots.ALL;

    @ParameterizedTest
    @FieldSource("SNAPSHOTS")
    void everyShippedSnapshotReadsAndWritesBackIdentically(String name) throws Exception {
        WindowsHostFacts facts = json.parse(Snapshots.text(name));

        assertThat(facts.schemaVersion()).isEqualTo(WindowsHostFacts.SCHEMA_VERSION);
        assertThat(facts.certificates()).isNotEmpty();
        assertThat(json.parse(json.write(facts))).isEqualTo(facts);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json | {nope | not valid JSON",
            "array | [1,2] | not a JSON object",
            "no version | {\"computerName\":\"x\"} | field 'schemaVersion': missing",
            "newer version | {\"schemaVersion\":2} | field 'schemaVersion': 2 is not supported",
            "empty | '   ' | empty input"})
    void malformedTextIsRefusedWithAClearMessage(String label, String text, String expected) {
        assertThatThrownBy(() -> json.parse(text)).isInstanceOf(WindowsFactsFormatException.class).hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"portNumber\" : 3389 | \"portNumber\" : \"abc\" | listener.portNumber",
            "\"portNumber\" : 3389 | \"portNumber\" : 70000 | field 'listener.portNumber': 70000 is outside 1..65535",
            "\"securityLayer\" : 2 | \"securityLayer\" : 7 | field 'listener.securityLayer'",
            "\"state\" : \"RUNNING\" | \"state\" : \"SLEEPING\" | services[0].state",
            "\"collectedAt\" : \"2025-06-02T09:15:00Z\" | \"collectedAt\" : \"yesterday\" | collectedAt",
            "\"sddl\" : \"O:SYG:SYD:PAI(A;;FA;;;SY)(A;;GR;;;NS)\" | \"sddl\" : \"O:SYG:SYD:PAI(A;;FA;;;SY\" | certificates[0].key.sddl",
            "\"sddl\" : \"O:SYG:SYD:PAI(A;;FA;;;SY)(A;;GR;;;NS)\" | \"sddl\" : \"D:(A;;QQ;;;NS)\" | unknown right 'QQ'",
            "\"sha1\" : \"573079E08F827BE19AD610469950F988BB7996B0\" | \"sha1\" : \"xyz\" | certificates[0].certificate.sha1",
            "\"name\" : \"Block SMB inbound\" | \"name\" : \" \" | field 'firewall.inboundTcpBlockRules[0].name': missing",
            "\"profiles\" : [ \"PUBLIC\" ] | \"profiles\" : [ \"HOTEL\" ] | firewall.inboundTcpBlockRules[1].profiles"})
    void badFieldsAreNamed(String from, String to, String expected) {
        String text = Snapshots.text("healthy");
        assertThat(text).contains(from);

        assertThatThrownBy(() -> json.parse(text.replace(from, to)))
                .isInstanceOf(WindowsFactsFormatException.class).hasMessageContaining(expected);
    }

    /** Snapshots recorded before the block rules were read have no such field: read as none, still schema 1. */
    @Test
    void aSnapshotWithoutBlockRulesReadsAsNone() throws Exception {
        String text = Snapshots.text("healthy");
        String withoutRules = text.replaceFirst("(?s),\\s*\"inboundTcpBlockRules\" : \\[.*?\\} \\]", "");
        assertThat(withoutRules).doesNotContain("inboundTcpBlockRules").isNotEqualTo(text);

        WindowsHostFacts facts = json.parse(withoutRules);

        assertThat(facts.schemaVersion()).isEqualTo(1);
        assertThat(facts.firewall().inboundTcpBlockRules()).isEmpty();
        assertThat(facts.firewall().remoteDesktopRuleGroupEnabled()).isEqualTo(json.parse(text).firewall().remoteDesktopRuleGroupEnabled());
        assertThat(json.parse(Snapshots.text("healthy")).firewall().inboundTcpBlockRules())
                .extracting(FirewallBlockRule::name).containsExactly("Block SMB inbound", "Block RDP on public networks");
    }

    /** Snapshots recorded before CNG keys were read have no key storage and no Crypto\\Keys folder: CAPI, none. */
    @Test
    void aSnapshotWithoutKeyStorageReadsAsCapiMachineKeys() throws Exception {
        String text = Snapshots.text("key-acl-broken");
        assertThat(text).doesNotContain("storage").doesNotContain("cngKeys");

        WindowsHostFacts facts = json.parse(text);

        assertThat(facts.certificates().get(0).key().storage()).isEqualTo(KeyStorage.CAPI_MACHINE_KEYS);
        assertThat(facts.cngKeys()).isNull();
        assertThat(json.write(facts)).contains("\"storage\" : \"CAPI_MACHINE_KEYS\"");
    }

    @Test
    void aCngKeySnapshotKeepsItsStorageAndFolderThroughJson() throws Exception {
        WindowsHostFacts facts = json.parse(Snapshots.text("cng-key-acl-broken"));

        KeyContainer key = facts.certificatesIn("My").get(0).key();
        assertThat(key.storage()).isEqualTo(KeyStorage.CNG_MACHINE_KEYS);
        assertThat(key.path()).startsWith("C:\\ProgramData\\Microsoft\\Crypto\\Keys\\");
        assertThat(facts.cngKeys().path()).isEqualTo("C:\\ProgramData\\Microsoft\\Crypto\\Keys");
        WindowsHostFacts again = json.parse(json.write(facts));
        assertThat(again).isEqualTo(facts);
        assertThat(again.certificatesIn("My").get(0).key().storage()).isEqualTo(KeyStorage.CNG_MACHINE_KEYS);
    }

    @Test
    void badCngFieldsAreNamed() {
        String text = Snapshots.text("cng-key-acl-broken");
        String storage = "\"storage\" : \"CNG_MACHINE_KEYS\"";
        String folderSddl = "\"sddl\" : \"O:SYG:SYD:PAI(A;;FA;;;BA)(A;;0x12019f;;;WD)\"";
        int folderAt = text.lastIndexOf(folderSddl);
        assertThat(text).contains(storage);
        assertThat(text.substring(text.lastIndexOf("\"cngKeys\""))).contains(folderSddl);

        assertThatThrownBy(() -> json.parse(text.replace(storage, "\"storage\" : \"TPM\"")))
                .isInstanceOf(WindowsFactsFormatException.class).hasMessageContaining("certificates[1].key.storage");
        assertThatThrownBy(() -> json.parse(text.substring(0, folderAt) + "\"sddl\" : \"D:(A;;ZZ;;;WD)\""
                + text.substring(folderAt + folderSddl.length())))
                .isInstanceOf(WindowsFactsFormatException.class).hasMessageContaining("cngKeys.sddl");
    }

    @Test
    void missingRequiredSectionIsNamed() {
        String text = Snapshots.text("healthy").replaceFirst("\"listener\" : \\{[^}]*\\},", "");

        assertThatThrownBy(() -> json.parse(text)).isInstanceOf(WindowsFactsFormatException.class).hasMessageContaining("listener");
    }

    /** A small in-test fuzz: random byte edits of a real snapshot give either facts or the format exception, nothing else. */
    @Test
    void randomEditsNeverEscapeAsAnotherException() {
        String base = Snapshots.text("key-acl-broken");
        Random random = new Random(20250602L);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder(base);
            for (int e = 0; e < 1 + random.nextInt(4); e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> sb.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            try {
                json.parse(sb.toString());
            } catch (WindowsFactsFormatException expected) {
                refused++;
                assertThat(expected.getMessage()).startsWith("invalid Windows host facts: ");
            }
        }
        assertThat(refused).isGreaterThan(100);
    }
}
