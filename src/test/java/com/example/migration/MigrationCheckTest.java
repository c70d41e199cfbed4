package com.example.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/embedding.md runs (EmbeddingDocumentationTest keeps the page and this code identical). It
 * lives outside io.migkb, so it can use nothing but public API, as an embedder's code.
 */
class MigrationCheckTest {

    @Test
    void theEmbeddingExampleRunsAndPrintsTheFindings() throws Exception {
        // Every step prints on standard output when it succeeds (errors go to standard error, with Drools' log).
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            MigrationCheck.main(new String[] {"examples/contoso.json"});
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("rules: 26 from bundled catalogue")
                .contains("BLOCKER URL-LEGACY-MEET meeting:m-001")
                .contains("BLOCKER FED-LOCKED-OC2007 meeting:m-001")
                .contains("WARNING CLIENT-IM-ONLY user:alice@contoso.com")
                .contains("summary: {BLOCKER=")
                .contains("some meetings will fail after the migration")
                .contains("examples/contoso.json: {BLOCKER=")
                .contains("refused: meetings[0].organizer: organizer \"nobody@contoso.com\" is not a declared user")
                .contains("reloaded: 26 rules");
    }
}
