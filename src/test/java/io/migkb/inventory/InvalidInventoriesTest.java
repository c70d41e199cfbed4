package io.migkb.inventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.migkb.inventory.InventoryFiles.lineFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every kind of bad input is an error naming file, line (and column) and field, and every error is reported. */
class InvalidInventoriesTest {

    /** Pools, users and a federated user that the snippets below can refer to (lines 1-7). */
    private static final String DECLARED = """
            { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                         { "fqdn": "pool10.contoso.com", "version": "LYNC_2010" },
                         { "fqdn": "pool13.contoso.com", "version": "LYNC_2013" } ],
              "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010" },
                         { "sip": "bob@contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013" } ],
              "federatedUsers": [ { "sip": "carol@fabrikam.com", "client": "COMMUNICATOR_2007" } ],
            """;

    @TempDir
    Path dir;
    InventoryFiles files;
    String file;

    @BeforeEach
    void setUp() {
        files = new InventoryFiles(dir);
    }

    /** Writes {@link #DECLARED} plus {@code rest} (starting on line 7) to bad.json and reads it. */
    private InventoryException failWithDeclared(String rest) {
        Path path = files.write("bad.json", DECLARED + rest);
        file = path.toString();
        return files.fail(path);
    }

    private InventoryException fail(String name, String text) {
        Path path = files.write(name, text);
        file = path.toString();
        return files.fail(path);
    }

    // ------------------------------------------------------------------ 1. malformed

    @Test
    void truncatedJsonIsMalformedAtItsEndAndSaysSo() {
        InventoryException e = fail("truncated.json", """
                {
                  "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                             { "fqdn": "pool13.contoso.com\"""");

        assertThat(e.getErrors()).hasSize(1);
        assertThat(e.getMessage()).startsWith(file + ":3:").contains("malformed JSON").contains("truncated");
    }

    @Test
    void jsonSyntaxErrorNamesLineAndColumnAndKeepsTheErrorsFoundBefore() {
        InventoryException e = fail("syntax.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "LYNC_2016" } ],
                  "users": [ { "sip": "alice@contoso.com" "pool": "x" } ] }
                """);

        assertThat(e.getErrors()).hasSize(2);
        assertThat(e.getErrors().get(0).toString()).startsWith(file + ":1:").contains("pools[0].version");
        assertThat(e.getErrors().get(1).toString()).startsWith(file + ":2:43: malformed JSON: Unexpected character");
    }

    @Test
    void yamlSyntaxErrorNamesItsLineWithoutSpuriousErrorsForTheElementItCut() {
        InventoryException e = fail("syntax.yaml", """
                pools:
                  - fqdn: ocs.contoso.com
                    version: OCS_2007_R2
                users:
                  - sip: alice@contoso.com
                   pool: ocs.contoso.com
                    client: LYNC_2010
                """);

        assertThat(e.getErrors()).hasSize(1);
        assertThat(e.getMessage()).startsWith(file + ":6:4: malformed YAML: ");
    }

    @Test
    void unclosedYamlFlowSequenceIsMalformed() {
        InventoryException e = fail("flow.yaml", """
                pools: [ { fqdn: ocs.contoso.com, version: OCS_2007_R2 }
                users: []
                """);

        assertThat(e.getMessage()).startsWith(file + ":2:1: malformed YAML: while parsing a flow sequence (line 1,");
    }

    @Test
    void jsonNestedTooDeepNamesTheLineAndColumnOfTheLevelTooManyAndSaysWhatIsWrong() {
        // The top-level object is level 1, so the 1,000th bracket (line 2, column 1010) opens level 1,001; the
        // parser stands just after it.
        InventoryException e = fail("deep.json", "{\"pools\": [],\n \"users\": " + "[".repeat(3000)
                + "]".repeat(3000) + "}");

        assertThat(e.getErrors()).last().hasToString(file + ":2:1011: malformed JSON: it nests more than 1,000"
                + " levels deep, where an inventory nests a few; is this the inventory file, whole and as exported?");
    }

    @Test
    void jsonObjectsNestedTooDeepAreMalformedWhereTheyGoTooDeep() {
        InventoryException e = fail("deep-objects.json", "{\"plan\": " + "{\"a\": ".repeat(1500) + "1"
                + "}".repeat(1500) + "}");

        assertThat(e.getErrors()).last().asString()
                .startsWith(file + ":1:").contains(": malformed JSON: it nests more than 1,000 levels deep");
        int column = Integer.parseInt(e.getErrors().get(e.getErrors().size() - 1).toString()
                .substring(file.length() + 3).split(":")[0]);
        assertThat(column).as("the column of the 1,001st brace, give or take the parser's step")
                .isBetween(10 + 6 * 999 - 1, 10 + 6 * 999 + 1);
    }

    @Test
    void yamlNestedTooDeepIsMalformedJustAfterTheBracketThatOpensTheLevelTooMany() {
        InventoryException e = fail("deep.yaml", "pools: []\nusers: " + "[".repeat(3000) + "]".repeat(3000) + "\n");

        assertThat(e.getErrors()).last().asString()
                .startsWith(file + ":2:1008: malformed YAML: it nests more than 1,000 levels deep");
    }

    @Test
    void jsonTextValueOfTwentyMillionCharactersIsMalformedWhereItStarts() {
        InventoryException e = fail("long.json", "{\"pools\": [],\n  \"organization\": \""
                + "x".repeat(20_000_001) + "\"}\n");

        assertThat(e.getErrors()).hasSize(1);
        assertThat(e.getMessage()).isEqualTo(file + ":2:19: malformed JSON: a text value of more than 20,000,000"
                + " characters starts here, where an inventory's values are names, addresses and URLs; is this the"
                + " inventory file, whole and as exported?");
    }

    @Test
    void jsonFieldNameTooLongIsMalformedAndSaysSo() {
        InventoryException e = fail("long-name.json", "{\"pools\": [],\n \"" + "k".repeat(60_000) + "\": 1}\n");

        assertThat(e.getErrors()).hasSize(1);
        assertThat(e.getMessage()).startsWith(file + ":2:").contains(": malformed JSON: a field name of more than"
                + " 50,000 characters").doesNotContain("StreamReadConstraints");
    }

    @Test
    void topLevelThatIsNotAnObjectIsAnError() {
        assertThat(fail("array.json", "[1, 2]").getMessage())
                .isEqualTo(file + ":1:1: the top level must be an object with \"pools\", \"users\", \"federatedUsers\""
                        + " and \"meetings\", not an array");
        assertThat(fail("scalar.yaml", "just some text\n").getMessage())
                .startsWith(file + ":1:1: the top level must be an object").endsWith("not the string \"just some text\"");
    }

    @Test
    void listThatIsNotAnArrayAndElementThatIsNotAnObjectAreErrors() {
        InventoryException e = fail("shapes.json", """
                { "pools": { "fqdn": "ocs.contoso.com" },
                  "users": [ "alice@contoso.com" ],
                  "meetings": "none",
                  "plan": 3 }
                """);

        assertThat(lineFor(e, "pools")).startsWith(file + ":1:12:").endsWith("expected an array of pool objects, not an object");
        assertThat(lineFor(e, "users[0]")).startsWith(file + ":2:14:")
                .endsWith("expected a user object ({...}), not the string \"alice@contoso.com\"");
        assertThat(lineFor(e, "meetings")).startsWith(file + ":3:15:");
        assertThat(lineFor(e, "plan")).startsWith(file + ":4:11:");
        assertThat(e.getErrors()).hasSize(4);
    }

    @Test
    void contentAfterTheInventoryObjectIsAnError() {
        assertThat(fail("two.yaml", "pools: []\n---\nusers: []\n").getMessage())
                .isEqualTo(file + ":3:1: found an object after the end of the inventory object;"
                        + " a file holds one inventory (one YAML document)");
        assertThat(fail("two.json", "{} {}").getMessage()).startsWith(file + ":1:4: found an object after the end");
    }

    // ------------------------------------------------------------------ 2. missing required fields

    @Test
    void missingRequiredFieldsAreErrorsAtTheElementStart() {
        InventoryException e = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com" },
                                { "organizer": null, "url": "https://x/2" } ],
                  "organization": "contoso.com" }
                """);

        assertThat(lineFor(e, "meetings[0].url")).isEqualTo(file + ":7:17: meetings[0].url: missing required field"
                + " \"url\" in a meeting: the meeting URL, starting with conf:, meet: or https:");
        assertThat(lineFor(e, "meetings[1].id")).startsWith(file + ":8:17:");
        assertThat(lineFor(e, "meetings[1].organizer")).startsWith(file + ":8:17:");
        assertThat(e.getErrors()).hasSize(3);
    }

    @Test
    void everyRequiredFieldOfEveryElementIsChecked() {
        InventoryException e = fail("empty-elements.json", """
                { "pools": [ {} ],
                  "users": [ {} ],
                  "federatedUsers": [ {} ],
                  "meetings": [ {} ] }
                """);

        assertThat(e.getErrors()).extracting(InventoryError::field).containsExactly("pools[0].fqdn",
                "pools[0].version", "users[0].sip", "users[0].pool", "users[0].client", "federatedUsers[0].sip",
                "federatedUsers[0].client", "meetings[0].id", "meetings[0].organizer", "meetings[0].url");
        assertThat(e.getErrors()).extracting(err -> err.location().line())
                .containsExactly(1, 1, 2, 2, 2, 3, 3, 4, 4, 4);
    }

    @Test
    void blankRequiredStringIsAnError() {
        InventoryException e = fail("blank.json", """
                { "pools": [ { "fqdn": " ", "version": "LYNC_2013" } ] }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":1:24: pools[0].fqdn: must not be empty");
    }

    // ------------------------------------------------------------------ 3. wrong types

    @Test
    void wrongTypesNameTheExpectedTypeAndReadingGoesOn() {
        InventoryException e = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1",
                                  "locked": "yes", "participants": "bob@contoso.com", "video": 1 },
                                { "id": 2, "organizer": "alice@contoso.com", "url": "https://x/2" } ],
                  "plan": { "frequentOrganizerThreshold": 2.5, "moveConferenceData": "true" } }
                """);

        assertThat(lineFor(e, "meetings[0].locked"))
                .isEqualTo(file + ":8:29: meetings[0].locked: expected true or false, not the string \"yes\"");
        assertThat(lineFor(e, "meetings[0].participants")).startsWith(file + ":8:52:")
                .contains("expected an array of SIP addresses");
        assertThat(lineFor(e, "meetings[0].video"))
                .isEqualTo(file + ":8:80: meetings[0].video: expected true or false, not the number 1");
        assertThat(lineFor(e, "meetings[1].id")).isEqualTo(file + ":9:25: meetings[1].id: expected a string,"
                + " not the number 2; if you mean the text, put it in quotes: \"2\"");
        assertThat(lineFor(e, "plan.frequentOrganizerThreshold")).contains("expected a whole number, not the number 2.5");
        assertThat(lineFor(e, "plan.moveConferenceData")).contains("expected true or false, not the string \"true\"");
        assertThat(e.getErrors()).hasSize(6);
    }

    @Test
    void numbersMustBeWholeAndInRange() {
        InventoryException e = fail("numbers.yaml", """
                pools:
                  - { fqdn: ocs.contoso.com, version: OCS_2007_R2 }
                users:
                  - sip: alice@contoso.com
                    pool: ocs.contoso.com
                    client: LYNC_2010
                    meetingsPerMonth: many
                  - sip: bob@contoso.com
                    pool: ocs.contoso.com
                    client: LYNC_2010
                    meetingsPerMonth: -3
                  - sip: dave@contoso.com
                    pool: ocs.contoso.com
                    client: LYNC_2010
                    meetingsPerMonth: 99999999999
                plan:
                  frequentOrganizerThreshold: 0
                """);

        assertThat(lineFor(e, "users[0].meetingsPerMonth"))
                .isEqualTo(file + ":7:23: users[0].meetingsPerMonth: expected a whole number, not the string \"many\"");
        assertThat(lineFor(e, "users[1].meetingsPerMonth"))
                .isEqualTo(file + ":11:23: users[1].meetingsPerMonth: must be 0 or more, not -3");
        assertThat(lineFor(e, "users[2].meetingsPerMonth")).startsWith(file + ":15:23:").contains("too large");
        assertThat(lineFor(e, "plan.frequentOrganizerThreshold")).startsWith(file + ":17:31:")
                .contains("must be at least 1");
    }

    @Test
    void enumListGivenAsOneStringIsAWrongTypeWithAHint() {
        InventoryException e = fail("needs.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010",
                               "needs": "RECORDING" } ] }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":3:25: users[0].needs: expected an array of need names"
                + " (LARGE_MEETINGS, BREAKOUT_ROOMS, RECORDING, DIAL_IN), e.g. [\"RECORDING\"], not the string \"RECORDING\"");
    }

    // ------------------------------------------------------------------ 4. unknown enum values

    @Test
    void unknownEnumValuesListTheAllowedValues() {
        InventoryException e = fail("enums.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "LYNC_2016" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010",
                               "needs": ["RECORDING", "WEBINARS"], "addIns": ["OUTLOOK"] } ],
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1",
                                  "content": ["POWERPOINT", "SLIDES"] } ] }
                """);

        assertThat(lineFor(e, "pools[0].version")).isEqualTo(file + ":1:54: pools[0].version:"
                + " unknown server version \"LYNC_2016\"; allowed: OCS_2007_R2, LYNC_2010, LYNC_2013");
        assertThat(lineFor(e, "users[0].needs[1]")).isEqualTo(file + ":3:39: users[0].needs[1]: unknown need"
                + " \"WEBINARS\"; allowed: LARGE_MEETINGS, BREAKOUT_ROOMS, RECORDING, DIAL_IN");
        assertThat(lineFor(e, "users[0].addIns[0]")).startsWith(file + ":3:63:")
                .endsWith("allowed: CONFERENCING_ADDIN, ONLINE_MEETING_ADDIN_2010, ONLINE_MEETING_ADDIN_2013");
        assertThat(lineFor(e, "meetings[0].content[1]")).startsWith(file + ":5:45:")
                .endsWith("unknown content \"SLIDES\"; allowed: POWERPOINT, WHITEBOARD, POLL, ATTACHMENT");
        assertThat(e.getErrors()).hasSize(4);
    }

    @Test
    void enumNamesAreCaseSensitiveButTheMessageSuggestsTheRightSpelling() {
        InventoryException e = fail("case.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "lync_2010" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "Lync 2013" } ] }
                """);

        assertThat(lineFor(e, "pools[0].version")).contains("unknown server version \"lync_2010\"; did you mean LYNC_2010?");
        assertThat(lineFor(e, "users[0].client")).isEqualTo(file + ":2:81: users[0].client: unknown client"
                + " \"Lync 2013\"; did you mean LYNC_2013? (names are case-sensitive)");
    }

    // ------------------------------------------------------------------ 5. clients

    @Test
    void unknownUserAgentIsAnErrorListingTheKnownPrefixes() {
        InventoryException e = fail("agent.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" } ],
                  "federatedUsers": [ { "sip": "x@fabrikam.com", "client": "OC/15.01 (not Lync)" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com",
                               "client": "UCCAPI/16.0.4266.1001 OC/16.0.4266.1001 (Skype for Business)" } ] }
                """);

        assertThat(lineFor(e, "federatedUsers[0].client")).startsWith(file + ":2:60:")
                .contains("unknown client \"OC/15.01 (not Lync)\"")
                .endsWith("known user-agent prefixes: OC/2.0 (COMMUNICATOR_2007), OC/3.5.6907 (COMMUNICATOR_2007_R2),"
                        + " Attendant/3.5 (OCS_2007_R2_ATTENDANT), LMC/8.0 (LIVE_MEETING_2007), OC/4.0.7577 (LYNC_2010),"
                        + " AOC/4.0 (LYNC_2010_ATTENDEE), CWA/4.0 (LYNC_WEB_APP_2010), OC/15.0 (LYNC_2013),"
                        + " LWA/15 (LYNC_WEB_APP_2013)");
        assertThat(lineFor(e, "users[0].client")).startsWith(file + ":4:26:");
    }

    // ------------------------------------------------------------------ 6. URL schemes

    @Test
    void urlWithAnUnsupportedSchemeIsAnErrorNamingTheAllowedSchemes() {
        InventoryException e = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "http://meet.contoso.com/alice/1" },
                                { "id": "m-2", "organizer": "alice@contoso.com", "url": "K9Q1" } ] }
                """);

        assertThat(lineFor(e, "meetings[0].url")).startsWith(file + ":7:73: meetings[0].url: unsupported URL scheme"
                + " \"http:\" in \"http://meet.contoso.com/alice/1\"; a meeting URL starts with conf:, meet: or https:");
        assertThat(lineFor(e, "meetings[1].url")).startsWith(file + ":8:73: meetings[1].url: meeting URL \"K9Q1\""
                + " has no scheme");
    }

    // ------------------------------------------------------------------ 7. dangling references

    @Test
    void organizerNobodyDeclaresIsAnErrorNamingLineAndField() {
        InventoryException e = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1" },
                                { "id": "m-2", "organizer": "zed@contoso.com", "url": "https://x/2" } ] }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":8:45: meetings[1].organizer: organizer \"zed@contoso.com\""
                + " is not a declared user; add zed@contoso.com to \"users\" or correct the address"
                + " (an organizer must be an internal user)");
    }

    @Test
    void federatedOrganizerIsAnErrorWhereverItIsDeclared() {
        InventoryException before = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "carol@fabrikam.com", "url": "https://x/1" } ] }
                """);
        assertThat(before.getMessage()).isEqualTo(file + ":7:45: meetings[0].organizer: organizer"
                + " \"carol@fabrikam.com\" is a federated user (federatedUsers[0] at line 6); an organizer must be"
                + " an internal user declared in \"users\"");

        InventoryException after = fail("late.json", """
                { "meetings": [ { "id": "m-1", "organizer": "carol@fabrikam.com", "url": "https://x/1",
                                  "participants": ["dan@fabrikam.com"] } ],
                  "federatedUsers": [ { "sip": "carol@fabrikam.com", "client": "LYNC_2013" },
                                      { "sip": "dan@fabrikam.com", "client": "LYNC_2013" } ] }
                """);
        assertThat(after.getErrors()).hasSize(1);
        assertThat(after.getMessage()).startsWith(file + ":1:45: meetings[0].organizer: organizer"
                + " \"carol@fabrikam.com\" is a federated user (federatedUsers[0] at line 3)");
    }

    @Test
    void participantNobodyDeclaresIsAnError() {
        InventoryException e = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1",
                                  "participants": ["bob@contoso.com", "carol@fabrikam.com", "eve@northwind.com"] } ] }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":8:77: meetings[0].participants[2]: participant"
                + " \"eve@northwind.com\" is neither a declared user nor a declared federated user; add it to"
                + " \"users\" or \"federatedUsers\", or correct the address");
    }

    @Test
    void userOnAnUndeclaredPoolIsAnError() {
        InventoryException e = fail("pool.yaml", """
                users:
                  - sip: alice@contoso.com
                    pool: ocs.contoso.com
                    client: LYNC_2010
                pools:
                  - fqdn: pool13.contoso.com
                    version: LYNC_2013
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":3:11: users[0].pool: pool \"ocs.contoso.com\" is not declared;"
                + " add it to \"pools\" (with its fqdn and version) or correct the name"
                + " (declared pools: pool13.contoso.com)");
    }

    // ------------------------------------------------------------------ 8. duplicates

    @Test
    void sameSipAsUserAndFederatedUserIsADuplicateNamingTheFirstLine() {
        InventoryException e = fail("dup.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010" } ],
                  "federatedUsers": [ { "sip": "Alice@contoso.com", "client": "LYNC_2013" } ] }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":3:32: federatedUsers[0].sip: duplicate SIP address"
                + " \"Alice@contoso.com\": already declared as users[0] at line 2 as \"alice@contoso.com\"; an address"
                + " may appear only once in \"users\" and \"federatedUsers\" together (compared ignoring case)");
    }

    @Test
    void duplicateUsersMeetingIdsAndPoolsAreErrorsAtTheSecondOccurrence() {
        InventoryException e = fail("dups.json", """
                { "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2007_R2" },
                             { "fqdn": "OCS.CONTOSO.COM", "version": "OCS_2007_R2" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010" },
                             { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010" } ],
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1" },
                                { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/2" } ] }
                """);

        assertThat(lineFor(e, "pools[1].fqdn")).startsWith(file + ":2:24: pools[1].fqdn: duplicate pool"
                + " \"OCS.CONTOSO.COM\": already declared as pools[0] at line 1");
        assertThat(lineFor(e, "users[1].sip")).startsWith(file + ":4:23: users[1].sip: duplicate SIP address"
                + " \"alice@contoso.com\": already declared as users[0] at line 3;");
        assertThat(lineFor(e, "meetings[1].id")).isEqualTo(file + ":6:25: meetings[1].id: duplicate meeting id"
                + " \"m-1\": already used by the meeting at line 5; give each meeting its own id");
        assertThat(e.getErrors()).hasSize(3);
    }

    @Test
    void duplicateKeyInOneObjectIsAnError() {
        InventoryException e = fail("keys.json", """
                { "federatedUsers": [ { "sip": "a@fabrikam.com", "client": "LYNC_2013",
                                        "sip": "b@fabrikam.com" } ] }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":2:25: federatedUsers[0].sip: field \"sip\" is given more"
                + " than once in this object; keep one");
    }

    // ------------------------------------------------------------------ 9. target pool

    @Test
    void targetPoolThatIsNotDeclaredIsAnError() {
        InventoryException e = failWithDeclared("""
                  "plan": { "targetPool": "pool15.contoso.com" } }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":7:27: plan.targetPool: target pool \"pool15.contoso.com\" is"
                + " not declared; declare it in \"pools\" as a LYNC_2013 pool or name one of the LYNC_2013 pools:"
                + " pool13.contoso.com");
    }

    @Test
    void targetPoolThatIsNotLync2013IsAnError() {
        InventoryException e = failWithDeclared("""
                  "plan": { "targetPool": "pool10.contoso.com" } }
                """);

        assertThat(e.getMessage()).isEqualTo(file + ":7:27: plan.targetPool: target pool \"pool10.contoso.com\" runs"
                + " LYNC_2010 (pools[1] at line 2); users can only be moved to a LYNC_2013 pool: name one of the"
                + " LYNC_2013 pools: pool13.contoso.com");
    }

    @Test
    void minimumClientVersionsAreCheckedByKeyAndValue() {
        InventoryException e = fail("policy.json", """
                { "plan": { "minimumClientVersions": { "LYNC_2013": "15.0.4551.1001", "LYNC_2010": "4.0.x",
                                                       "LYNC2010": "4.0.7577.4103", "COMMUNICATOR_2007_R2": 3.5 } } }
                """);

        assertThat(lineFor(e, "plan.minimumClientVersions.LYNC_2010")).startsWith(file + ":1:84:")
                .contains("\"4.0.x\" is not a dotted version number");
        assertThat(lineFor(e, "plan.minimumClientVersions.LYNC2010")).startsWith(file + ":2:40:")
                .contains("unknown client \"LYNC2010\"; did you mean LYNC_2010?");
        assertThat(lineFor(e, "plan.minimumClientVersions.COMMUNICATOR_2007_R2")).startsWith(file + ":2:93:")
                .contains("expected a dotted version string");
    }

    // ------------------------------------------------------------------ 10. unknown fields

    @Test
    void unknownFieldIsAnErrorListingTheAllowedFields() {
        InventoryException e = failWithDeclared("""
                  "meetings": [ { "id": "m-1", "organizer": "alice@contoso.com", "url": "https://x/1", "lockd": true } ],
                  "organisation": "contoso.com" }
                """);

        assertThat(lineFor(e, "meetings[0].lockd")).isEqualTo(file + ":7:88: meetings[0].lockd: unknown field"
                + " \"lockd\"; did you mean \"locked\"? (allowed fields of a meeting: id, organizer, url, locked,"
                + " content, video, noMeetingIm, participants)");
        assertThat(lineFor(e, "organisation")).startsWith(file + ":8:3: organisation: unknown field"
                + " \"organisation\"; did you mean \"organization\"?");
    }

    // ------------------------------------------------------------------ 11. empty, encoding, unreadable

    @Test
    void emptyFileIsAnError() {
        assertThat(fail("empty.json", "").getMessage()).startsWith(file + ": the file is empty;");
        assertThat(fail("comments.yaml", "# nothing yet\n\n").getMessage()).startsWith(file + ": the file is empty;");
    }

    @Test
    void nonUtf8JsonIsAnErrorNamingTheLine() {
        Path path = files.write("latin1.json", "{\n  \"organization\": \"Caf\u00e9 Contoso\"\n}\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        InventoryException e = files.fail(path);

        assertThat(e.getErrors()).hasSize(1);
        assertThat(e.getMessage()).startsWith(path + ":2:").contains("not valid UTF-8").endsWith("save it with UTF-8 encoding");
    }

    @Test
    void nonUtf8YamlIsAnErrorNamingTheLineOfTheFirstBadByte() {
        Path path = files.write("latin1.yaml", "pools: []\n\norganization: \"Caf\u00e9\"\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        InventoryException e = files.fail(path);

        assertThat(e.getErrors()).hasSize(1);
        assertThat(e.getMessage()).startsWith(path + ":3:19: the file is not valid UTF-8 text (");
    }

    @Test
    void nonUtf8YamlFromAStreamIsAnInventoryErrorToo() {
        byte[] bytes = "organization: \"Caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);

        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> new YamlInventoryReader().read(new ByteArrayInputStream(bytes), "upload.yaml"));

        assertThat(e.getMessage()).startsWith("upload.yaml:1:").contains("not valid UTF-8");
    }

    @Test
    void missingFileAndDirectoryAreClearErrors() throws Exception {
        Path missing = dir.resolve("nowhere.json");
        assertThat(files.fail(missing).getMessage()).isEqualTo(missing + ": no such file; check the path");

        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        assertThat(files.fail(folder).getMessage()).isEqualTo(folder + ": is a directory, not an inventory file");
    }

    @Test
    void yamlAliasesAreNotSupported() {
        InventoryException e = fail("alias.yaml", """
                users:
                  - sip: &a alice@contoso.com
                    pool: *a
                    client: LYNC_2010
                """);

        assertThat(lineFor(e, "users[0].pool")).isEqualTo(file + ":3:11: users[0].pool: expected a string,"
                + " not the YAML alias *a (aliases are not supported; write the value out)");
    }

    // ------------------------------------------------------------------ reporting

    @Test
    void everyErrorInAFileIsReportedInFileOrder() {
        InventoryException e = fail("many-kinds.json", """
                { "meetings": [ { "id": "m-1", "organizer": "nobody@contoso.com", "url": "ftp://x" } ],
                  "pools": [ { "fqdn": "ocs.contoso.com", "version": "OCS_2008" } ],
                  "users": [ { "sip": "alice@contoso.com", "pool": "ocs.contoso.com", "client": "LYNC_2010", "lockd": 1 },
                             { "sip": "bob@contoso.com", "pool": "missing.contoso.com" } ] }
                """);

        assertThat(e.getErrors()).extracting(InventoryError::field).containsExactly("meetings[0].organizer",
                "meetings[0].url", "pools[0].version", "users[0].lockd", "users[1].client", "users[1].pool");
        assertThat(e.getMessage().lines()).hasSize(6);
        assertThat(e.getErrorCount()).isEqualTo(6);
    }

    @Test
    void errorsBeyondFiftyAreCountedNotListed() {
        StringBuilder json = new StringBuilder("{ \"federatedUsers\": [\n");
        for (int i = 0; i < 70; i++) {
            json.append(i == 0 ? "" : ",\n").append("{ \"sip\": \"u").append(i).append("@x.com\", \"client\": \"NOPE\" }");
        }
        json.append("] }");

        InventoryException e = fail("seventy.json", json.toString());

        assertThat(e.getErrors()).hasSize(InventoryException.MAX_ERRORS);
        assertThat(e.getOmittedCount()).isEqualTo(20);
        assertThat(e.getErrorCount()).isEqualTo(70);
        assertThat(e.getMessage().lines()).hasSize(51);
        assertThat(e.getMessage()).endsWith("\n... and 20 more errors (only the first 50 are listed)");
    }
}
