package org.scriptorium.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
                        "org.scriptorium..domain..", "java..", "jakarta.persistence..", "jakarta.validation..",
                        "org.hibernate.envers");
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
    void everyPackageExplainsItselfInAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java"))) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
                    .toList();
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void viewBeansCarryNoTechnicalSuffix() {
        noClasses().that().resideInAPackage("org.scriptorium.web..")
                .should().haveSimpleNameEndingWith("Bean").orShould().haveSimpleNameEndingWith("Controller")
                .check(classes);
    }
}
