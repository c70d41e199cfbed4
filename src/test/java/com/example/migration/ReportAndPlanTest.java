package com.example.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second example of docs/embedding.md runs on the customer exports of examples/ and writes what it says. */
class ReportAndPlanTest {

    @TempDir
    Path temp;

    @Test
    void theWholeJobExampleAssessesWaivesReportsAndPlans() throws Exception {
        Path waivers = temp.resolve("waivers.yaml");
        Files.writeString(waivers, """
                - rule: "*"
                  subject: "user:*"
                  reason: users are handled by the desktop team
                  owner: it-ops@litwareinc.com
                  expires: 2099-12-31
                """);
        PrintStream out = System.out;
        String tmpdir = System.getProperty("java.io.tmpdir"); // where the example keeps its compiled rules
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setProperty("java.io.tmpdir", temp.toString());
            ReportAndPlan.main(new String[] {"examples/litware-exports", waivers.toString(), temp.toString()});
        } finally {
            System.setOut(out);
            System.setProperty("java.io.tmpdir", tmpdir);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("litwareinc.com: {BLOCKER=")
                .containsPattern("examples/litware-exports/[^:]+:\\d+(:\\d+)?: \\w+ [A-Z0-9-]+ \\[[^]]+\\]")
                .contains(" waived")
                .contains("| Severity")
                .contains("wrote " + temp.resolve("plan").resolve("wave-1.ps1"));
        assertThat(temp.resolve("findings.html")).isNotEmptyFile();
        assertThat(temp.resolve("findings.sarif")).isNotEmptyFile();
        assertThat(Files.readString(temp.resolve("findings-junit.xml"))).contains("<testsuite");
        assertThat(temp.resolve("plan/plan.md")).isNotEmptyFile();
        assertThat(temp.resolve("migkb-cache")).isNotEmptyDirectory();
    }
}
