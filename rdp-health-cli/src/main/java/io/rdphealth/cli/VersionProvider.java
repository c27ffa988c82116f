package io.rdphealth.cli;

import io.rdphealth.check.RdpHealthCheck;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by the build). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {RdpHealthCheck.TOOL};
    }
}
