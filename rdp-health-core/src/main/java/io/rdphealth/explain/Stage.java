package io.rdphealth.explain;

/** The steps of a connection in the order a client takes them; a failure at one hides every later one. */
public enum Stage {
    NAME("name resolution"),
    TCP("TCP connect"),
    NEGOTIATION("X.224 security negotiation"),
    TLS("TLS handshake");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isBefore(Stage other) {
        return compareTo(other) < 0;
    }
}
