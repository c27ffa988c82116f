package io.rdphealth.probe.cert;

import io.rdphealth.evidence.CertificateInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * RFC 6125 style matching of the name a client uses against a certificate: IP literals against
 * IP SANs, host names against DNS SANs (one-label left-most wildcard), the CN only when the
 * certificate has no SANs at all (what mstsc and browsers still accept).
 */
public final class HostnameMatcher {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostnameMatcher() {
    }

    public static boolean matches(CertificateInfo certificate, String name) {
        String wanted = normalise(name);
        boolean isIp = isIpLiteral(wanted);
        if (!certificate.subjectAltNames().isEmpty()) {
            for (String san : certificate.subjectAltNames()) {
                if (isIp ? sameAddress(san, wanted) : dnsMatches(normalise(san), wanted)) {
                    return true;
                }
            }
            return false;
        }
        String cn = commonName(certificate.subject());
        return cn != null && (isIp ? sameAddress(cn, wanted) : dnsMatches(normalise(cn), wanted));
    }

    static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || IPV4_LITERAL.matcher(name).matches();
    }

    private static boolean sameAddress(String a, String b) {
        if (!isIpLiteral(normalise(a))) {
            return false;
        }
        try {
            // Both are literals: getByName parses them without any DNS lookup.
            return InetAddress.getByName(normalise(a)).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.equals(host)) {
            return true;
        }
        if (pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return false;
    }

    static String commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
