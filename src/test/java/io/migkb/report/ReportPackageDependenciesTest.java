package io.migkb.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportPackageDependenciesTest {
    @Test
    void writersDependOnTheModelAloneNeverOnEngineInventoryOrCli() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.migkb");

        noClasses().that().resideInAPackage("io.migkb.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.migkb.engine..", "io.migkb.inventory..", "io.migkb.cli..", "io.migkb.api..", "org.kie..",
                        "org.drools..", "picocli..")
                .check(classes);
    }
}
