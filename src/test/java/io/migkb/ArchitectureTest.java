package io.migkb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one direction of flow of docs/architecture.md, kept by the build: inventory files → facts → engine → findings → report.
 * The allowed dependencies are the "depends on" column of docs/architecture.md, so that page is the contract:
 * {@code model} at the bottom, {@code api} and {@code cli} on top, nothing reaching into {@code cli}.
 */
class ArchitectureTest {
    private static final Path PAGE = Path.of("docs/architecture.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| .* \\| ([^|]+) \\|$", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("`(\\w+)`");

    private static JavaClasses classes;
    /** Package (simple name) to the migkb packages it may use, as docs/architecture.md says. */
    private static Map<String, Set<String>> allowed;

    @BeforeAll
    static void importMainClassesAndReadThePage() throws IOException {
        // The compiled main classes only: scanning the whole class path for io.migkb would cost seconds.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes"));
        assertThat(classes.containPackage("io.migkb.api")).isTrue();
        Map<String, String> column = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(PAGE));
        while (m.find()) {
            column.put(m.group(1), m.group(2).strip());
        }
        allowed = new LinkedHashMap<>();
        column.forEach((pkg, deps) -> {
            Set<String> may = new TreeSet<>();
            if (deps.equals("everything")) {
                may.addAll(column.keySet());
            } else if (deps.startsWith("everything but")) {
                may.addAll(column.keySet());
                Matcher but = PACKAGE.matcher(deps);
                while (but.find()) {
                    may.remove(but.group(1));
                }
            } else if (!deps.equals("nothing")) {
                Matcher named = PACKAGE.matcher(deps);
                while (named.find()) {
                    may.add(named.group(1));
                }
            }
            may.remove(pkg);
            allowed.put(pkg, may);
        });
    }

    @Test
    void everyPackageOfMigkbHasARowInTheArchitecturePage() {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> {
            if (c.getPackageName().startsWith("io.migkb.")) {
                packages.add(c.getPackageName().substring("io.migkb.".length()).split("\\.")[0]);
            }
        });
        assertThat(allowed.keySet()).as("packages in %s", PAGE).containsAll(packages);
        assertThat(allowed.get("model")).as("model depends on nothing else of migkb").isEmpty();
        assertThat(allowed.values()).as("nothing but cli itself may use cli").noneMatch(deps -> deps.contains("cli"));
    }

    @Test
    void eachPackageUsesOnlyThePackagesItsRowLists() {
        allowed.forEach((pkg, may) -> {
            Set<String> own = new HashSet<>(may);
            own.add(pkg);
            noClasses().that().resideInAPackage("io.migkb." + pkg + "..")
                    .should().dependOnClassesThat(migkbOutside(own))
                    .as(pkg + " depends only on " + (may.isEmpty() ? "nothing else of migkb" : may))
                    .allowEmptyShould(true)
                    .check(classes);
        });
    }

    @Test
    void dataFlowsOneWayTheDependenciesHaveNoCycle() {
        Set<String> done = new HashSet<>();
        for (String pkg : allowed.keySet()) {
            assertThat(cycleFrom(pkg, new ArrayList<>(), done)).as("a cycle through " + pkg).isNull();
        }
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
                if (f.getModifiers().contains(JavaModifier.PUBLIC) && !allowedInApi(f.getRawType().getName())) {
                    leaks.add(f.getFullName() + " is a " + f.getRawType().getName());
                }
            }
            c.getRawSuperclass().filter(s -> !allowedInApi(s.getName()))
                    .ifPresent(s -> leaks.add(c.getName() + " extends " + s.getName()));
            c.getRawInterfaces().stream().filter(i -> !allowedInApi(i.getName()))
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
                "Problem", "InvalidInventoryException", "RulesException", "RunawayRulesException", "CatalogueRule",
                "InvalidWaiversException", "RuleFailedException");
    }

    /** A path back to {@code pkg} through the allowed dependencies, or null. */
    private static List<String> cycleFrom(String pkg, List<String> path, Set<String> done) {
        if (path.contains(pkg)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
            cycle.add(pkg);
            return cycle;
        }
        if (done.contains(pkg)) {
            return null;
        }
        path.add(pkg);
        for (String next : allowed.getOrDefault(pkg, Set.of())) {
            List<String> cycle = cycleFrom(next, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
        return null;
    }

    private static DescribedPredicate<JavaClass> inApi() {
        return DescribedPredicate.describe("in io.migkb.api", c -> c.getPackageName().equals("io.migkb.api"));
    }

    /** Classes of migkb outside the given packages (simple names, subpackages included). */
    private static DescribedPredicate<JavaClass> migkbOutside(Set<String> packages) {
        return DescribedPredicate.describe("migkb classes outside " + packages, c -> {
            if (!c.getPackageName().startsWith("io.migkb.")) {
                return false;
            }
            String top = c.getPackageName().substring("io.migkb.".length()).split("\\.")[0];
            return !packages.contains(top);
        });
    }

    private static boolean allowedInApi(String typeName) {
        return typeName.startsWith("java.") || typeName.startsWith("io.migkb.api.") || typeName.startsWith("io.migkb.model.")
                || !typeName.contains(".");
    }

    /** Parameter, return and exception types (generic arguments included) that are none of the allowed. */
    private static List<String> foreignTypes(JavaCodeUnit unit) {
        List<String> leaks = new ArrayList<>();
        Set<JavaClass> types = new HashSet<>();
        types.add(unit.getRawReturnType());
        types.addAll(unit.getRawParameterTypes());
        types.addAll(unit.getExceptionTypes());
        unit.getReturnType().getAllInvolvedRawTypes().forEach(types::add);
        unit.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
        for (JavaClass t : types) {
            String name = t.isArray() ? t.getBaseComponentType().getName() : t.getName();
            if (!allowedInApi(name)) {
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
