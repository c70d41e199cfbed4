package com.example.migration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/embedding.md use the stable surface that page lists, and nothing else of migkb: the api
 * package and the model types named there, read-only (no model constructor). The list names every model type the
 * api's public signatures show.
 */
class EmbeddingExamplesTest {
    private static final Path PAGE = Path.of("docs/embedding.md");
    private static Set<String> stableModel;
    private static JavaClasses examples;

    @BeforeAll
    static void readThePageAndTheExamples() throws IOException {
        String page = Files.readString(PAGE);
        Matcher list = Pattern.compile("stable model types, of `io.migkb.model`, read-only: (.*?);?\\n\\n",
                Pattern.DOTALL).matcher(page);
        assertThat(list.find()).as("the list of stable model types in %s", PAGE).isTrue();
        stableModel = Pattern.compile("`(\\w+)`").matcher(list.group(1)).results()
                .map(m -> "io.migkb.model." + m.group(1)).collect(Collectors.toCollection(TreeSet::new));
        examples = new ClassFileImporter().importClasses(MigrationCheck.class, ReportAndPlan.class);
    }

    @Test
    void theExamplesUseOnlyTheApiAndTheStableModelTypes() {
        DescribedPredicate<JavaClass> outsideTheStableSurface = DescribedPredicate.describe(
                "a type of migkb outside the stable surface",
                c -> c.getPackageName().startsWith("io.migkb") && !c.getPackageName().equals("io.migkb.api")
                        && !stableModel.contains(c.getName().replaceAll("\\$.*", "")));
        noClasses().should().dependOnClassesThat(outsideTheStableSurface).check(examples);
        noClasses().should().callConstructorWhere(DescribedPredicate.describe("a model constructor",
                        call -> call.getTarget().getOwner().getPackageName().equals("io.migkb.model")))
                .check(examples);
    }

    @Test
    void theListNamesEveryModelTypeTheApiShows() {
        JavaClasses api = new ClassFileImporter().importPackages("io.migkb.api");
        Set<String> shown = new TreeSet<>();
        for (JavaClass c : api) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (m.getModifiers().contains(JavaModifier.PUBLIC)) {
                    m.getRawParameterTypes().forEach(t -> shown.add(t.getBaseComponentType().getName()));
                    shown.add(m.getRawReturnType().getBaseComponentType().getName());
                    m.getReturnType().getAllInvolvedRawTypes().forEach(t -> shown.add(t.getName()));
                }
            }
        }
        Set<String> model = shown.stream().filter(n -> n.startsWith("io.migkb.model."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(stableModel).containsAll(model);
    }
}
