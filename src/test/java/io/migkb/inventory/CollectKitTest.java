package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The collection kit in collect/ is read-only and gives files migkb recognises. There is no PowerShell and no SQL
 * Server here: the script and the queries are checked by their text.
 */
class CollectKitTest {
    private static final Path KIT = Path.of("collect");
    private static final Path SCRIPT = KIT.resolve("Collect-MigkbInventory.ps1");
    /** Verbs of cmdlets that change something; the kit may use none (New-Item makes its own output folder). */
    private static final Pattern CHANGING = Pattern.compile("(?i)\\b(Set|Move|Remove|Grant|Revoke|Enable|Disable|Update"
            + "|Install|Uninstall|Clear|Reset|Start|Stop|Restart|Publish|Merge|Import|Register|Unregister|Sync|Approve"
            + "|Invoke-Cs)[A-Za-z]*-[A-Za-z]+");
    private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+([A-Za-z]+)\\s*,?\\s*$", Pattern.MULTILINE);

    @Test
    void theScriptChangesNothingAndRunsOnlyTheShippedQueries() throws IOException {
        String script = Files.readString(SCRIPT);
        String code = script.replaceAll("(?s)<#.*?#>", "").replaceAll("(?m)#.*$", "");
        assertThat(CHANGING.matcher(code).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(code).doesNotContainPattern("(?i)-Query\\b").doesNotContainPattern("(?i)ExecuteNonQuery");
        Matcher sql = Pattern.compile("'([a-z-]+\\.sql)'").matcher(code);
        List<String> used = new ArrayList<>();
        while (sql.find()) {
            used.add(sql.group(1));
            assertThat(KIT.resolve(sql.group(1))).as(sql.group(1)).isRegularFile();
        }
        assertThat(used).containsExactlyInAnyOrder("rtc-conferences.sql", "lcscdr-conference-participants.sql",
                "lcscdr-client-versions.sql");
        assertThat(code).contains("Get-CsUser").contains("Get-CsPool").contains("Get-CsService -Registrar")
                .contains("Get-CsSimpleUrlConfiguration").contains("-NoTypeInformation -Encoding UTF8");
    }

    @Test
    void everyQueryIsOneReadOnlySelect() throws IOException {
        try (Stream<Path> files = Files.list(KIT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String code = code(file);
                assertThat(code.strip()).as(file.toString()).startsWith("SELECT").endsWith(";");
                assertThat(code.split(";")).as(file.toString()).hasSize(1);
                assertThat(code).as(file.toString()).doesNotContainPattern("\\b(INSERT|UPDATE|DELETE|DROP|ALTER|EXEC"
                        + "|EXECUTE|MERGE|TRUNCATE|CREATE|GRANT|INTO|DECLARE|SET)\\b");
            }
        }
    }

    @ParameterizedTest(name = "{0} gives a {1} file")
    @CsvSource({"rtc-conferences.sql, CONFERENCES", "lcscdr-conference-participants.sql, PARTICIPANTS",
            "lcscdr-client-versions.sql, CLIENTS"})
    void eachQuerysColumnsMakeAFileMigkbRecognises(String file, ExportKind kind) throws IOException {
        List<String> header = new ArrayList<>();
        Matcher m = ALIAS.matcher(code(KIT.resolve(file)));
        while (m.find()) {
            header.add(m.group(1));
        }
        assertThat(ExportKind.of("", header)).as("header %s", header).isEqualTo(kind);
    }

    /** The query without its comments, in upper case. */
    private static String code(Path file) throws IOException {
        return Files.readString(file).lines().filter(l -> !l.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b).toUpperCase(Locale.ROOT);
    }
}
