package io.jenkins.plugins.rdphealth;

import hudson.AbortException;
import hudson.Launcher;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The channel to the agent of the enclosing {@code node} block: the steps probe and fix from the
 * agent's network and host, never from the controller by accident.
 */
final class AgentChannel {
    private AgentChannel() {
    }

    static VirtualChannel of(StepContext context, String stepName) throws IOException, InterruptedException {
        Launcher launcher = context.get(Launcher.class);
        if (launcher == null) {
            throw new AbortException(stepName + " must run inside a node block (node { ... } in scripted Pipeline, an"
                    + " 'agent' in declarative): it works from the agent's network and host, and there is no agent here.");
        }
        VirtualChannel channel = launcher.getChannel();
        if (channel == null) {
            throw new AbortException(stepName + ": the agent of this node block is offline (no channel to it).");
        }
        return channel;
    }
}
