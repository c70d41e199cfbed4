package io.migkb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one direction of flow of DESIGN.md, kept by the build: inventory files → facts → engine → findings → report,
 * with {@code model} at the bottom, {@code api} and {@code cli} on top, and nothing reaching into {@code cli}.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // The compiled main classes only: scanning the whole class path for io.migkb would cost seconds.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(java.nio.file.Path.of("target/classes"));
        assertThat(classes.containPackage("io.migkb.api")).isTrue();
    }

    @Test
    void nothingImportsTheCli() {
        noClasses().that().resideOutsideOfPackage("io.migkb.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.migkb.cli..")
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingElseOfMigkb() {
        noClasses().that().resideInAPackage("io.migkb.model..")
                .should().dependOnClassesThat(migkbOutside("io.migkb.model"))
                .check(classes);
    }

    @Test
    void inventoryReportAndEngineDependOnlyOnTheModel() {
        for (String layer : List.of("inventory", "report", "engine")) {
            String pkg = "io.migkb." + layer;
            noClasses().that().resideInAPackage(pkg + "..")
                    .should().dependOnClassesThat(migkbOutside(pkg, "io.migkb.model"))
                    .as(layer + " depends only on model")
                    .check(classes);
        }
    }

    @Test
    void dataFlowsOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.migkb.model..")
                .layer("inventory").definedBy("io.migkb.inventory..")
                .layer("engine").definedBy("io.migkb.engine..")
                .layer("report").definedBy("io.migkb.report..")
                .layer("api").definedBy("io.migkb.api..")
                .layer("cli").definedBy("io.migkb.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("inventory").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("inventory", "engine", "report", "api", "cli")
                .check(classes);
    }

    @Test
    void theApisPublicSignaturesShowNoDroolsKieOrJacksonType() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("io.migkb.api")
                .and().arePublic()
                .should(exposeOnly("java.", "io.migkb.api.", "io.migkb.model."))
                .check(classes);
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : classes.that(inApi())) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            c.getConstructors().stream().filter(k -> k.getModifiers().contains(JavaModifier.PUBLIC))
                    .forEach(k -> leaks.addAll(foreignTypes(k)));
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.PUBLIC) && !allowed(f.getRawType().getName())) {
                    leaks.add(f.getFullName() + " is a " + f.getRawType().getName());
                }
            }
            c.getRawSuperclass().filter(s -> !allowed(s.getName()))
                    .ifPresent(s -> leaks.add(c.getName() + " extends " + s.getName()));
            c.getRawInterfaces().stream().filter(i -> !allowed(i.getName()))
                    .forEach(i -> leaks.add(c.getName() + " implements " + i.getName()));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theApiHasAHandfulOfPublicTypes() {
        Set<String> publicTypes = new TreeSet<>();
        classes.that(inApi()).stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getSimpleName().equals("package-info"))
                .forEach(c -> publicTypes.add(c.getName().substring("io.migkb.api.".length())));
        assertThat(publicTypes).containsExactlyInAnyOrder("Migkb", "MigrationAssessor", "AssessmentResult",
                "InventoryBuilder", "InventoryBuilder$UserOptions", "InventoryBuilder$MeetingOptions", "LoadedRules",
                "Problem", "InvalidInventoryException", "RulesException", "RunawayRulesException");
    }

    private static DescribedPredicate<JavaClass> inApi() {
        return DescribedPredicate.describe("in io.migkb.api", c -> c.getPackageName().equals("io.migkb.api"));
    }

    /** Classes of migkb outside the given packages (and their subpackages). */
    private static DescribedPredicate<JavaClass> migkbOutside(String... packages) {
        return DescribedPredicate.describe("migkb classes outside " + String.join(", ", packages), c -> {
            if (!c.getPackageName().startsWith("io.migkb.")) {
                return false;
            }
            for (String p : packages) {
                if (c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean allowed(String typeName) {
        return typeName.startsWith("java.") || typeName.startsWith("io.migkb.api.") || typeName.startsWith("io.migkb.model.")
                || !typeName.contains(".");
    }

    /** Parameter, return and exception types (generic arguments included) that are none of the allowed. */
    private static List<String> foreignTypes(JavaCodeUnit unit) {
        List<String> leaks = new ArrayList<>();
        Set<JavaClass> types = new java.util.HashSet<>();
        types.add(unit.getRawReturnType());
        types.addAll(unit.getRawParameterTypes());
        types.addAll(unit.getExceptionTypes());
        unit.getReturnType().getAllInvolvedRawTypes().forEach(types::add);
        unit.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
        for (JavaClass t : types) {
            String name = t.isArray() ? t.getBaseComponentType().getName() : t.getName();
            if (!allowed(name)) {
                leaks.add(unit.getFullName() + " shows " + name);
            }
        }
        return leaks;
    }

    private static ArchCondition<JavaCodeUnit> exposeOnly(String... prefixes) {
        return new ArchCondition<>("expose only types of " + String.join(", ", prefixes)) {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                if (!unit.getOwner().getModifiers().contains(JavaModifier.PUBLIC)) {
                    return;
                }
                for (String leak : foreignTypes(unit)) {
                    events.add(SimpleConditionEvent.violated(unit, leak));
                }
            }
        };
    }
}
