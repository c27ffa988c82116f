package io.rdphealth.host.xrdp;

/** The result of parsing xrdp.ini: the config, or the first problem with its line. */
public sealed interface XrdpIniParse {
    record Parsed(XrdpConfig config) implements XrdpIniParse {
    }

    /**
     * @param line    1-based line of the problem; 0 when it concerns the whole file
     * @param problem what is wrong, for a person
     */
    record Invalid(int line, String problem) implements XrdpIniParse {
        /** {@code line 12: ...} or the problem alone for file-wide problems. */
        public String describe() {
            return line > 0 ? "line " + line + ": " + problem : problem;
        }
    }
}
