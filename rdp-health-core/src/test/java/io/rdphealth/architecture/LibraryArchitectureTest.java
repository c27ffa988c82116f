package io.rdphealth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the library usable outside Jenkins (CLI, other tools) and its layers in order. The Jenkins
 * plugin depends on the library, never the other way round.
 */
class LibraryArchitectureTest {
    private static final DescribedPredicate<JavaClass> OURS_OUTSIDE_WIRE = DescribedPredicate.describe(
            "classes of io.rdphealth outside io.rdphealth.wire",
            c -> c.getPackageName().startsWith("io.rdphealth")
                    && !(c.getPackageName() + ".").startsWith("io.rdphealth.wire."));

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rdphealth");
    }

    @Test
    void libraryUsesNoJenkinsTypes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.rdphealth..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "io.jenkins..")
                .because("the library is shared by the CLI and the plugin; Jenkins types live in the plugin only");
        rule.check(library);
    }

    @Test
    void wireCodecsDependOnNothingElseOfOurs() {
        ArchRule rule = noClasses().that().resideInAPackage("io.rdphealth.wire..")
                .should().dependOnClassesThat(OURS_OUTSIDE_WIRE)
                .because("the codecs are pure functions over bytes a fuzzer drives without the rest of the library");
        rule.check(library);
    }

    @Test
    void evidenceDoesNotDependOnWhatIsBuiltFromIt() {
        ArchRule rule = noClasses().that().resideInAPackage("io.rdphealth.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.rdphealth.probe..", "io.rdphealth.diagnosis..", "io.rdphealth.report..",
                        "io.rdphealth.check..", "io.rdphealth.policy..", "io.rdphealth.trend..",
                        "io.rdphealth.fix..", "io.rdphealth.host..", "io.rdphealth.cli..")
                .because("evidence is what was seen; probes produce it, diagnosis and reports consume it");
        rule.check(library);
    }

    @Test
    void findingsDoNotDependOnProbesOrReports() {
        ArchRule rule = noClasses().that().resideInAPackage("io.rdphealth.finding..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.rdphealth.probe..", "io.rdphealth.diagnosis..", "io.rdphealth.report..",
                        "io.rdphealth.check..", "io.rdphealth.trend..", "io.rdphealth.fix..")
                .because("the finding model is the contract every layer shares");
        rule.check(library);
    }
}
