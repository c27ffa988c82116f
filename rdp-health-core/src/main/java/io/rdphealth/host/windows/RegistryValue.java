package io.rdphealth.host.windows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** A registry value as the port reads and writes it. */
public sealed interface RegistryValue {

    /** REG_DWORD. */
    record Dword(int value) implements RegistryValue {
    }

    /** REG_SZ or REG_EXPAND_SZ (not expanded). */
    record Text(String value) implements RegistryValue {
    }

    /** REG_MULTI_SZ. */
    record MultiText(List<String> values) implements RegistryValue {
        public MultiText {
            values = List.copyOf(values);
        }
    }

    /** REG_BINARY; copied in and out so the value stays immutable. */
    record Binary(byte[] bytes) implements RegistryValue {
        public Binary {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[" + HexFormat.of().withUpperCase().formatHex(bytes) + "]";
        }
    }
}
