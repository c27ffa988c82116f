package io.jenkins.plugins.rdphealth;

import com.fasterxml.jackson.core.JsonProcessingException;
import hudson.model.TaskListener;
import io.rdphealth.renew.CertificateRenewal;
import io.rdphealth.renew.RenewalPlatform;
import io.rdphealth.renew.RenewalRequest;
import io.rdphealth.renew.RenewalResult;
import io.rdphealth.report.ReportJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import jenkins.security.MasterToSlaveCallable;

/**
 * Renews (or installs) the RDP listener certificate of the agent's host through the library. The
 * result travels back as JSON written by the library's mapper.
 */
final class RenewCallable extends MasterToSlaveCallable<String, IOException> {
    private static final long serialVersionUID = 1L;

    private final RenewRequest request;
    private final SuppliedCertificate supplied;
    private final TaskListener listener;

    RenewCallable(RenewRequest request, SuppliedCertificate supplied, TaskListener listener) {
        this.request = request;
        this.supplied = supplied;
        this.listener = listener;
    }

    @Override
    public String call() throws IOException {
        PrintStream logger = listener.getLogger();
        io.rdphealth.renew.SuppliedCertificate certificate = supplied == null ? null
                : new io.rdphealth.renew.SuppliedCertificate(supplied.pkcs12(), supplied.password());
        if (supplied != null) {
            supplied.erase();
        }
        RenewalRequest renewal = new RenewalRequest(RenewalPlatform.parse(request.platform()), request.port(),
                request.renewWithinDays(), request.force(), request.dryRun(), certificate);
        RenewalResult result;
        try {
            CertificateRenewal.Builder host = CertificateRenewal.builder();
            if (request.xrdpConfig() != null) {
                host.xrdpConfig(Path.of(request.xrdpConfig()));
            }
            result = host.build().renew(renewal, line -> logger.println("[rdp-health] " + line));
        } finally {
            if (certificate != null) {
                certificate.erase();
            }
        }
        try {
            return new ReportJson().mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise the renewal result: " + e.getOriginalMessage(), e);
        }
    }
}
