package io.rdphealth.probe.tls;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.tls.CipherSuite;

/** IANA names of cipher suite numbers, read once from BouncyCastle's constants (immutable). */
final class CipherSuiteNames {
    private static final Map<Integer, String> NAMES = load();

    private CipherSuiteNames() {
    }

    static String name(int suite) {
        return NAMES.getOrDefault(suite, String.format("0x%04X", suite));
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : CipherSuite.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    // public constants are always accessible; nothing to name otherwise
                }
            }
        }
        return Map.copyOf(names);
    }
}
