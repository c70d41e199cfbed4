package io.migkb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/embedding.md shows the examples that MigrationCheckTest and ReportAndPlanTest run: they cannot drift. */
class EmbeddingDocumentationTest {
    private static final Path PAGE = Path.of("docs/embedding.md");
    private static final List<Path> EXAMPLES = List.of(
            Path.of("src/test/java/com/example/migration/MigrationCheck.java"),
            Path.of("src/test/java/com/example/migration/ReportAndPlan.java"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void thePagesJavaExamplesAreTheTestedExamplesCharacterForCharacter() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(PAGE));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("java blocks of %s", PAGE).hasSize(EXAMPLES.size());
        for (int i = 0; i < EXAMPLES.size(); i++) {
            assertThat(blocks.get(i)).as("java block %d", i + 1).isEqualTo(Files.readString(EXAMPLES.get(i)));
        }
    }

    @Test
    void thePageGivesTheMavenCoordinatesOfThisBuild() throws IOException {
        String page = Files.readString(PAGE);
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>migkb</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(page).contains("<groupId>io.migkb</groupId>")
                .contains("<artifactId>migkb</artifactId>")
                .contains("<version>" + version.group(1) + "</version>");
    }
}
