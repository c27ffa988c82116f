package io.rdphealth.report.junit;

import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.Severity;
import io.rdphealth.report.GatewayResult;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.wire.NtlmChallenge;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML (the Ant/Surefire shape every CI reads): one {@code <testsuite>} per target,
 * one {@code <testcase>} per {@link Check} named {@code <target> <check>}. Suite name and test
 * class name are {@code rdphealth.<target with dots as underscores>}, the way Surefire names a
 * suite after its class, so tools that derive packages from dots show one entry per target.
 *
 * <p>A check whose findings reach the failure threshold (default {@code WARNING}) has one
 * {@code <failure>}: {@code type} is the first such finding's ID (root causes are ranked first),
 * {@code message} its severity, ID and summary, and the body lists every finding of the check
 * with its fix steps, evidence and the findings it explains or is explained by. Findings below
 * the threshold go to the test case's {@code <system-out>}. {@code <error>} is never used: in
 * JUnit it means the test itself broke, while a CRITICAL finding is a diagnosis the check made.
 * A check the probe did not reach (no TLS after a refused connection) is {@code <skipped>}.
 */
public final class JUnitXmlReport {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Severity failureThreshold;

    /** Findings of WARNING and above fail their test case. */
    public JUnitXmlReport() {
        this(Severity.WARNING);
    }

    public JUnitXmlReport(Severity failureThreshold) {
        this.failureThreshold = Objects.requireNonNull(failureThreshold, "failureThreshold");
    }

    /** A finding placed in a check, with the finding that explains it when it is a symptom. */
    private record Placed(Finding finding, Finding explainedBy) {
    }

    /**
     * The RD Gateway as one more suite: its findings placed by check like a target's (GATEWAY_* under
     * gateway, CERT_* under certificate); it has no RDP wire evidence, so those checks are skipped.
     */
    private static TargetResult asSubject(GatewayResult gateway, RunReport report) {
        return new TargetResult(gateway.gateway(), null, List.of(), gateway.findings(), report.startedAt(),
                gateway.evidence().millis());
    }

    public String render(RunReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "rdphealth");
            List<TargetResult> subjects = new ArrayList<>(report.targets());
            if (report.gateway() != null) {
                subjects.add(asSubject(report.gateway(), report));
            }
            List<List<Case>> suites = subjects.stream().map(this::cases).toList();
            xml.writeAttribute("tests", String.valueOf(suites.stream().mapToInt(List::size).sum()));
            xml.writeAttribute("failures", String.valueOf(suites.stream().flatMap(List::stream).filter(c -> c.failure() != null).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(suites.stream().flatMap(List::stream).filter(c -> c.skipped() != null).count()));
            xml.writeAttribute("time", seconds(report.millis()));
            for (int i = 0; i < subjects.size(); i++) {
                suite(xml, subjects.get(i), i, suites.get(i));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private record Case(Check check, String failureType, String failure, String failureBody, String skipped,
            String systemOut, double millis) {
    }

    private List<Case> cases(TargetResult target) {
        Map<Check, List<Placed>> byCheck = new EnumMap<>(Check.class);
        for (Finding finding : target.findings()) {
            place(finding, null, byCheck);
        }
        List<Case> cases = new ArrayList<>();
        for (Check check : Check.values()) {
            List<Placed> placed = byCheck.getOrDefault(check, List.of());
            if (!check.alwaysListed() && placed.isEmpty()) {
                continue;
            }
            List<Placed> failing = placed.stream().filter(p -> p.finding().severity().isAtLeast(failureThreshold)).toList();
            List<Placed> context = placed.stream().filter(p -> !p.finding().severity().isAtLeast(failureThreshold)).toList();
            StringBuilder systemOut = new StringBuilder();
            context.forEach(p -> describe(p, systemOut));
            info(check, target, systemOut);
            String skipped = placed.isEmpty() && !reached(check, target)
                    ? "not reached: the probe did not get to the " + check.label() + " step on any address" : null;
            if (failing.isEmpty()) {
                cases.add(new Case(check, null, null, null, skipped, systemOut.toString(), millis(check, target)));
            } else {
                Finding first = failing.get(0).finding();
                StringBuilder body = new StringBuilder();
                failing.forEach(p -> describe(p, body));
                cases.add(new Case(check, first.id().name(), headline(first) + (failing.size() > 1
                        ? " (and " + (failing.size() - 1) + " more)" : ""), body.toString(), null,
                        systemOut.toString(), millis(check, target)));
            }
        }
        return cases;
    }

    private static void place(Finding finding, Finding explainedBy, Map<Check, List<Placed>> byCheck) {
        byCheck.computeIfAbsent(Check.of(finding.id()), c -> new ArrayList<>()).add(new Placed(finding, explainedBy));
        for (Finding symptom : finding.symptoms()) {
            place(symptom, finding, byCheck);
        }
    }

    private static boolean reached(Check check, TargetResult target) {
        Predicate<WireEvidence> step = switch (check) {
            case NETWORK -> w -> true;
            case NEGOTIATION -> w -> w.preferred() != null || w.rdpOnly() != null;
            case TLS -> w -> w.tls() != null;
            case CERTIFICATE -> w -> w.certificate() != null;
            case NTLM -> w -> w.ntlm() != null;
            case GATEWAY, HOST -> w -> true;
        };
        return check == Check.NETWORK || target.addresses().stream().anyMatch(step);
    }

    private static double millis(Check check, TargetResult target) {
        double sum = 0;
        for (WireEvidence w : target.addresses()) {
            switch (check) {
                case NETWORK -> sum += w.tcp() == null || w.tcp().medianMillis() == null ? 0 : w.tcp().medianMillis();
                case NEGOTIATION -> sum += (w.preferred() == null ? 0 : w.preferred().millis())
                        + (w.rdpOnly() == null ? 0 : w.rdpOnly().millis());
                case TLS -> sum += w.tls() == null ? 0 : w.tls().millis();
                default -> { }
            }
        }
        if (check == Check.NETWORK && target.dns() != null) {
            sum += target.dns().millis();
        }
        return sum;
    }

    /** What a passing check saw, so the CI page says more than "passed". */
    private static void info(Check check, TargetResult target, StringBuilder out) {
        for (WireEvidence w : target.addresses()) {
            switch (check) {
                case TLS -> {
                    if (w.tls() != null && w.tls().succeeded() && w.tls().version() != null) {
                        out.append(w.address()).append(": ").append(w.tls().version().label()).append(", ")
                                .append(w.tls().cipherSuite()).append('\n');
                    }
                }
                case CERTIFICATE -> {
                    if (w.certificate() != null) {
                        out.append(w.address()).append(": ").append(w.certificate().leaf().subject()).append(", ")
                                .append(w.certificate().daysLeft()).append(" days left\n");
                    }
                }
                case NTLM -> {
                    NtlmChallenge c = w.ntlm() == null ? null : w.ntlm().challenge();
                    if (c != null) {
                        out.append(w.address()).append(": ").append(List.of(
                                "target " + c.targetName(), "computer " + c.dnsComputer(), "domain " + c.dnsDomain(),
                                "OS " + c.osVersion()).stream().filter(s -> !s.endsWith(" null"))
                                .collect(Collectors.joining(", "))).append('\n');
                    }
                }
                default -> { }
            }
        }
    }

    private static String headline(Finding finding) {
        return finding.severity() + " " + finding.id() + ": " + finding.summary();
    }

    private static void describe(Placed placed, StringBuilder out) {
        Finding finding = placed.finding();
        out.append(headline(finding)).append('\n');
        if (placed.explainedBy() != null) {
            out.append("Explained by ").append(placed.explainedBy().id()).append(": ")
                    .append(placed.explainedBy().summary()).append('\n');
        }
        out.append("Fix").append(finding.fix().isAutomatable() ? " (RDP Health can apply it: " + finding.fix().automatedBy() + ")" : "")
                .append(":\n");
        for (int i = 0; i < finding.fix().steps().size(); i++) {
            out.append("  ").append(i + 1).append(". ").append(finding.fix().steps().get(i)).append('\n');
        }
        if (!finding.evidence().isEmpty()) {
            out.append("Evidence:\n");
            finding.evidence().forEach(e -> out.append("  - ").append(e).append('\n'));
        }
        if (!finding.symptoms().isEmpty()) {
            out.append("Explains: ").append(finding.symptoms().stream().map(s -> s.id().name())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        out.append('\n');
    }

    private void suite(XMLStreamWriter xml, TargetResult target, int index, List<Case> cases) throws XMLStreamException {
        String name = target.target().input();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(className(name)));
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> c.failure() != null).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.skipped() != null).count()));
        xml.writeAttribute("time", seconds(target.millis()));
        xml.writeAttribute("timestamp", TIMESTAMP.format(target.probedAt()));
        xml.writeAttribute("hostname", clean(target.target().host()));
        xml.writeAttribute("id", String.valueOf(index));
        xml.writeAttribute("package", "rdphealth");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "target", target.target().authority());
        property(xml, "state", target.state().name());
        property(xml, "worstSeverity", target.worstSeverity() == null ? "" : target.worstSeverity().name());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (Case c : cases) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", clean(name + " " + c.check().label()));
            xml.writeAttribute("classname", clean(className(name)));
            xml.writeAttribute("time", seconds(c.millis()));
            if (c.failure() != null) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(c.failure()));
                xml.writeAttribute("type", c.failureType());
                xml.writeCharacters(clean(c.failureBody()));
                xml.writeEndElement();
            }
            if (c.skipped() != null) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", c.skipped());
                xml.writeEndElement();
            }
            if (!c.systemOut().isEmpty()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(c.systemOut()));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /**
     * The class name CI tools group test cases by: dots would split a host name into packages, so
     * the target becomes one class under the {@code rdphealth} package.
     */
    static String className(String target) {
        return "rdphealth." + target.replace('.', '_');
    }

    /** Replaces characters XML 1.0 cannot carry at all (a server's control bytes) with U+FFFD. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean valid = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(valid ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
