package io.jenkins.plugins.rdphealth;

import com.fasterxml.jackson.core.JsonProcessingException;
import hudson.model.Run;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.renew.RenewalResult;
import io.rdphealth.report.ReportJson;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * What one {@code rdpRenewCert} call did in a build: the certificate before and after, the steps and
 * the outcome. Small, so it is kept in {@code build.xml} as the library's JSON.
 */
public class RdpRenewalAction implements RunAction2 {
    private final String resultJson;
    private transient Run<?, ?> owner;
    private transient RenewalResult result;

    RdpRenewalAction(String resultJson) {
        this.resultJson = resultJson;
    }

    public synchronized RenewalResult getResult() {
        if (result == null) {
            try {
                result = new ReportJson().mapper().readValue(resultJson, RenewalResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored renewal result is unreadable: " + e.getOriginalMessage(), e);
            }
        }
        return result;
    }

    /** Plain-text lines for the build log and the summary. */
    List<String> describe() {
        RenewalResult r = getResult();
        List<String> lines = new ArrayList<>();
        lines.add("renewal on " + r.platform() + ": " + r.action() + (r.reason() == null ? "" : " (" + r.reason() + ")"));
        lines.add("before: " + certificate(r.before()));
        lines.add("after:  " + certificate(r.after()));
        for (String step : r.steps()) {
            lines.add("  " + step);
        }
        return lines;
    }

    /** Used by the summary: one line about a certificate. */
    public static String certificate(CertificateInfo info) {
        return info == null ? "(none)" : info.subject() + ", valid until " + info.notAfter() + ", SHA-256 " + info.sha256();
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        owner = run;
    }

    @Override
    public String getIconFileName() {
        return null; // shown as a summary on the build page only
    }

    @Override
    public String getDisplayName() {
        return "RDP certificate renewal";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
