package io.rdphealth.host.windows.fixes;

import java.time.Instant;

/**
 * The certificate a listener serves, before or after a fix.
 *
 * @param thumbprint SHA-1, upper-case hex
 * @param notAfter   expiry
 */
public record CertificateState(String thumbprint, Instant notAfter) {
}
