package org.scriptorium.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, enforced. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.scriptorium");
    }

    @Test
    void domainImportsOnlyPersistenceValidationTheJdkAndOtherDomains() {
        ArchRule rule = classes().that().resideInAPackage("org.scriptorium..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.scriptorium..domain..", "java..", "jakarta.persistence..", "jakarta.validation..");
        rule.check(classes);
    }

    @Test
    void applicationDoesNotReachIntoInfrastructureOrTheWeb() {
        noClasses().that().resideInAPackage("org.scriptorium..application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scriptorium..infrastructure..", "org.scriptorium.web..",
                        "jakarta.faces..", "jakarta.servlet..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void theWebLayerOnlyOrchestratesServices() {
        noClasses().that().resideInAPackage("org.scriptorium.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scriptorium..infrastructure..", "jakarta.persistence..",
                        "org.hibernate..")
                .check(classes);
    }

    @Test
    void nothingButTheWebLayerKnowsFacesOrServlets() {
        noClasses().that().resideOutsideOfPackages("org.scriptorium.web..", "org.scriptorium.themes.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void viewBeansCarryNoTechnicalSuffix() {
        noClasses().that().resideInAPackage("org.scriptorium.web..")
                .should().haveSimpleNameEndingWith("Bean").orShould().haveSimpleNameEndingWith("Controller")
                .check(classes);
    }
}
