package io.rdphealth.host.windows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the JNA adapter package ({@code JnaWindowsPort} and its declarations) touches {@code com.sun.jna}. */
class JnaBoundaryArchTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rdphealth");

    @Test
    void onlyTheJnaAdapterUsesJna() {
        noClasses().that().resideOutsideOfPackage("io.rdphealth.host.windows.jna..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(classes);
    }

    @Test
    void theAdapterIsTheOnlyPublicTypeOfItsPackage() {
        noClasses().that().resideInAPackage("io.rdphealth.host.windows.jna..").and().arePublic()
                .should().haveSimpleNameNotEndingWith("JnaWindowsPort")
                .check(classes);
    }
}
