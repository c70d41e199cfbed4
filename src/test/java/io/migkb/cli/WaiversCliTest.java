package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess --waivers: waived findings stay, marked and counted apart, and do not fail the run. */
class WaiversCliTest {
    private static final String INVENTORY = """
            {"pools": [{"fqdn": "ocs.contoso.com", "version": "OCS_2007_R2"},
                       {"fqdn": "pool13.contoso.com", "version": "LYNC_2013"}],
             "users": [{"sip": "ann@branch.contoso.com", "pool": "ocs.contoso.com", "client": "COMMUNICATOR_2007_R2"}]}
            """;
    private static final String WAIVERS = """
            - rule: CLIENT-IM-ONLY
              subject: "user:*@branch.contoso.com"
              reason: branch office keeps Communicator 2007 R2 until the hardware refresh
              owner: it-ops@contoso.com
              expires: 2027-03-31
            - rule: URL-LEGACY-CONF
              subject: "meeting:m-999"
              reason: gone already
              owner: it-ops@contoso.com
              expires: 2027-03-31
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void today() {
        WaiverOption.clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void realToday() {
        WaiverOption.clock = Clock.systemDefaultZone();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void waivedFindingsAreMarkedCountedApartAndDoNotFailTheRun() throws IOException {
        Path inventory = write("branch.json", INVENTORY);
        Path waivers = write("waivers.yaml", WAIVERS);

        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", "rules", "--format", "json",
                "--fail-on", "WARNING", "--waivers", waivers.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("CLIENT-IM-ONLY");
        assertThat(finding.get("waived").get("reason").asText()).startsWith("branch office");
        assertThat(finding.get("waived").get("owner").asText()).isEqualTo("it-ops@contoso.com");
        assertThat(finding.get("waived").get("expires").asText()).isEqualTo("2027-03-31");
        assertThat(finding.get("waived").get("waiver").asText()).endsWith("waivers.yaml:1:3");
        assertThat(json.get("summary").get("WARNING").asInt()).isZero();
        assertThat(json.get("summary").get("waived").asInt()).isEqualTo(1);
        assertThat(json.get("waivers").get("unmatched")).singleElement()
                .satisfies(w -> assertThat(w.get("subject").asText()).isEqualTo("meeting:m-999"));
        assertThat(run.err()).contains("migkb: warning: waiver " + waivers + ":6:3 (URL-LEGACY-CONF meeting:m-999",
                "matches no finding");
    }

    @Test
    void anExpiredWaiverNoLongerWaivesAndIsReported() throws IOException {
        Path inventory = write("branch.json", INVENTORY);
        Path waivers = write("waivers.yaml", WAIVERS);
        WaiverOption.clock = Clock.fixed(Instant.parse("2027-04-01T10:00:00Z"), ZoneOffset.UTC);

        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", "rules", "--fail-on", "WARNING",
                "--waivers", waivers.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("1 WARNING").contains("0 waived").doesNotContain("(waived)")
                .contains("Waivers:").contains("expired on 2027-03-31");
        assertThat(run.err()).contains("migkb: warning: waiver " + waivers + ":1:3 (CLIENT-IM-ONLY",
                "expired on 2027-03-31", "1 finding it matches count again");
    }

    @Test
    void aBadWaiversFileExitsTwoNamingFileLineAndFieldAndWritesNoReport() throws IOException {
        Path inventory = write("branch.json", INVENTORY);
        Path waivers = write("waivers.yaml", WAIVERS.replace("2027-03-31", "2027-02-30").replace("  owner: it-ops@contoso.com\n  expires: 2027-02-30\n- rule: URL", "  expires: 2027-02-30\n- rule: URL"));
        Path out = dir.resolve("report.json");

        CliRun run = CliRun.of("assess", inventory.toString(), "--rules", "rules", "--waivers", waivers.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the waivers file has 3 errors")
                .contains(waivers + ":1:3: [0].owner: missing")
                .contains(waivers + ":4:12: [0].expires: \"2027-02-30\" is not a date")
                .contains(waivers + ":9:12: [1].expires: \"2027-02-30\" is not a date")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
