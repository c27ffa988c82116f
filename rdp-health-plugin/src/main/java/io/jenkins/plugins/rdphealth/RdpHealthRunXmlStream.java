package io.jenkins.plugins.rdphealth;

import hudson.util.XStream2;
import io.jenkins.plugins.util.AbstractXmlStream;

/** Reads and writes a build's {@link RdpHealthRun} in its own XML file in the build folder. */
final class RdpHealthRunXmlStream extends AbstractXmlStream<RdpHealthRun> {
    RdpHealthRunXmlStream() {
        super(RdpHealthRun.class);
    }

    @Override
    protected RdpHealthRun createDefaultValue() {
        return RdpHealthRun.unreadable("the results file of this build could not be read (see the Jenkins log)");
    }

    @Override
    protected void configureXStream(XStream2 xStream) {
        xStream.alias("rdpHealthRun", RdpHealthRun.class);
    }
}
