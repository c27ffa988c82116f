package io.rdphealth.explain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One published list as an immutable lookup by value; built once, never changed. */
public final class CodeTable {
    private final CodeList list;
    private final Map<Long, DisconnectCode> byValue;

    CodeTable(CodeList list, List<DisconnectCode> codes) {
        this.list = list;
        TreeMap<Long, DisconnectCode> map = new TreeMap<>();
        for (DisconnectCode code : codes) {
            if (code.list() != list) {
                throw new IllegalArgumentException(code.name() + " belongs to " + code.list() + ", not " + list);
            }
            if (map.put(code.value(), code) != null) {
                throw new IllegalArgumentException("duplicate value " + code.hex() + " in " + list);
            }
        }
        this.byValue = Collections.unmodifiableMap(map);
    }

    public CodeList list() {
        return list;
    }

    public Optional<DisconnectCode> find(long value) {
        return Optional.ofNullable(byValue.get(value));
    }

    /** Every entry in ascending value order. */
    public List<DisconnectCode> all() {
        return List.copyOf(byValue.values());
    }

    public int size() {
        return byValue.size();
    }
}
