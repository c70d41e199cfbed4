package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess with several --format and --out-dir: one file per format, named after the inventory. */
class AssessReportFormatsTest {
    private static final String RULES = "rules";
    private static final String CONTOSO = "examples/contoso.json";

    @TempDir
    Path dir;

    @Test
    void severalFormatsWithOutDirWriteOneFilePerFormatNamedAfterTheInventory() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "html", "--format", "sarif",
                "--format", "csv,junit", "--format", "markdown", "--out-dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(files()).containsExactly("contoso.csv", "contoso.html", "contoso.md", "contoso.sarif", "contoso.xml");
        assertThat(run.err()).contains("contoso.html", "contoso.sarif");
        assertThat(Files.readString(dir.resolve("contoso.html"))).startsWith("<!DOCTYPE html>").contains("FED-LOCKED-OC2007");
    }

    @Test
    void sarifFromTheCommandLinePointsAtTheMeetingsLineInTheInventory() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "sarif", "--out-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("contoso.sarif").toFile());
        List<String> inventory = Files.readAllLines(Path.of(CONTOSO));
        JsonNode located = null;
        for (JsonNode result : sarif.at("/runs/0/results")) {
            if (result.path("ruleId").asText().equals("URL-LEGACY-MEET")) {
                located = result.at("/locations/0/physicalLocation");
            }
        }
        assertThat(located).isNotNull();
        assertThat(located.at("/artifactLocation/uri").asText()).isEqualTo("examples/contoso.json");
        int line = located.at("/region/startLine").asInt();
        assertThat(line).isPositive();
        assertThat(inventory.get(line - 1)).contains("\"m-001\"");
        assertThat(sarif.at("/runs/0/tool/driver/rules").size()).as("every rule of the catalogue").isGreaterThanOrEqualTo(20);
    }

    @Test
    void junitFromTheCommandLineFailsAtTheFailOnThreshold() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "junit", "--out-dir", dir.toString(),
                "--fail-on", "BLOCKER");

        assertThat(run.exitCode()).isEqualTo(1);
        String xml = Files.readString(dir.resolve("contoso.xml"));
        assertThat(xml).contains("<failure ").contains("type=\"BLOCKER\"").doesNotContain("type=\"WARNING\"");
    }

    @Test
    void severalFormatsWithoutOutDirAreAUsageError() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "html", "--format", "sarif");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out-dir").contains("html, sarif");
        assertThat(run.out()).isEmpty();

        CliRun withOut = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "html,sarif",
                "--out", dir.resolve("report.html").toString());
        assertThat(withOut.exitCode()).isEqualTo(2);
        assertThat(files()).isEmpty();
    }

    @Test
    void outAndOutDirTogetherAreAUsageError() throws IOException {
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--out", dir.resolve("r.json").toString(),
                "--out-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out and --out-dir");
        assertThat(files()).isEmpty();
    }

    @Test
    void outDirNeverOverwritesTheInventoryItself() throws IOException {
        Path inventory = Files.copy(Path.of(CONTOSO), dir.resolve("contoso.json"));
        byte[] before = Files.readAllBytes(inventory);

        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", RULES, "--format", "json",
                "--out-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would overwrite the inventory");
        assertThat(Files.readAllBytes(inventory)).isEqualTo(before);
    }

    @Test
    void theOutDirIsCreatedWhenMissing() {
        Path nested = dir.resolve("reports").resolve("2026");
        CliRun run = CliRun.of("assess", CONTOSO, "--rules", RULES, "--format", "csv", "--out-dir", nested.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(nested.resolve("contoso.csv")).isNotEmptyFile();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
