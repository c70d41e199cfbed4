package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportPackageDependenciesTest {
    @Test
    void writersDependOnTheModelAloneNeverOnEngineInventoryOrCli() {
        JavaClasses classes = importWithoutResolvingLibraries("io.migkb.report");
        assertThat(classes.contain(HtmlWriter.class)).as("the report classes were found").isTrue();

        noClasses().that().resideInAPackage("io.migkb.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.migkb.engine..", "io.migkb.inventory..", "io.migkb.cli..", "io.migkb.api..", "org.kie..",
                        "org.drools..", "picocli..")
                .check(classes);
    }

    /**
     * The package's own classes, read from where they were compiled: the rule needs only the package names of their
     * dependencies, and scanning every jar of the test class path (Drools, Selenium) would take seconds.
     */
    private static JavaClasses importWithoutResolvingLibraries(String packageName) {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            Path classes = Path.of(Report.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> location.contains("/" + packageName.replace('.', '/') + "/"))
                    .importPath(classes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
