package io.rdphealth.host.windows.fix;

/** One change (or its undo) of a fix step. */
@FunctionalInterface
public interface FixAction {
    FixAction NOTHING = () -> { };

    void run() throws Exception;
}
