package io.jenkins.plugins.rdphealth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The library, as the plugin bundles it, holds no Jenkins types (the core's own
 * LibraryArchitectureTest checks the same from the library's side), and the plugin reaches the
 * network only through the library.
 */
class PluginArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rdphealth", "io.jenkins.plugins.rdphealth");

    @Test
    void libraryHasNoJenkinsTypes() {
        noClasses().that().resideInAPackage("io.rdphealth..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "io.jenkins..")
                .check(CLASSES);
    }

    @Test
    void pluginOpensNoSocketsItself() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.rdphealth..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "javax.net..")
                .because("probing is the library's job; the plugin only wires Jenkins to it")
                .check(CLASSES);
    }
}
