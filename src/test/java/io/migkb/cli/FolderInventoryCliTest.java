package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess reads folders: a CSV folder and Lync Management Shell exports, by --input-format or from the files. */
class FolderInventoryCliTest {
    private static final String RULES = "rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bothExampleFoldersReportWhatTheJsonExampleReports() throws IOException {
        CliRun json = CliRun.of("assess", "examples/contoso.json", "--rules", RULES, "--format", "json");
        CliRun csv = CliRun.of("assess", "examples/contoso-csv", "--input-format", "csv-folder", "--rules", RULES,
                "--format", "json");
        CliRun lync = CliRun.of("assess", "examples/contoso-lync-export", "--rules", RULES, "--format", "json",
                "--input-format", "lync-export");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(lync.exitCode()).as(lync.err()).isZero();
        assertThat(csv.out()).isEqualTo(json.out());
        // The exports also hold users the reader counts but does not assess: only the coverage says so.
        ObjectNode expected = (ObjectNode) JSON.readTree(json.out());
        ObjectNode exports = (ObjectNode) JSON.readTree(lync.out());
        ArrayNode notAssessed = (ArrayNode) ((ObjectNode) exports.get("coverage")).remove("notAssessed");
        ((ObjectNode) expected.get("coverage")).remove("notAssessed");
        assertThat(exports).isEqualTo(expected);
        assertThat(notAssessed).isNotEmpty().allSatisfy(u -> assertThat(u.get("location").asText())
                .startsWith("examples/contoso-lync-export/users.csv:"));
    }

    @Test
    void aBadFolderExitsTwoWithTheFileLineAndColumnAndNoReport() throws IOException {
        Files.writeString(dir.resolve("pools.csv"), "fqdn,version\npool13.contoso.com,LYNC_2013\n");
        Files.writeString(dir.resolve("users.csv"), "sip,pool,client\nbob@contoso.com,pool31.contoso.com,LYNC_2013\n");
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("assess", dir.toString(), "--rules", RULES, "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("users.csv") + ":2:17: pool: pool \"pool31.contoso.com\" is not"
                + " declared");
        assertThat(out).doesNotExist();
    }
}
