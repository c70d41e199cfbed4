package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.model.Client;
import io.migkb.model.ClientCapability;
import io.migkb.model.ClientSupport;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.JoinSupport;
import io.migkb.model.Meeting;
import io.migkb.model.MeetingFeature;
import io.migkb.model.Plan;
import io.migkb.model.Pool;
import io.migkb.model.ServerVersion;
import io.migkb.model.SignIn;
import io.migkb.model.UrlScheme;
import io.migkb.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;

/** rules/client-support.xlsx: what it says, that the client rules follow it, and how its errors are reported. */
class ClientSupportTableTest {
    private static final String TABLE = "client-support.xlsx";

    @TempDir
    Path temp;

    /** The table read back through Drools: the facts its rows insert, at the start of every session. */
    private static List<ClientCapability> capabilities(CompiledRules rules) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.fireAllRules();
            List<ClientCapability> result = new ArrayList<>();
            session.getObjects(o -> o instanceof ClientCapability).forEach(o -> result.add((ClientCapability) o));
            return result;
        } finally {
            session.dispose();
        }
    }

    private static ClientCapability row(List<ClientCapability> table, Client client, ServerVersion server) {
        return table.stream().filter(c -> c.getClient() == client && c.getServer() == server).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + client + " on " + server));
    }

    @Test
    void everyClientHasARowForMeetingsHostedOnLync2013AndOnlyStatedPairsForLync2010() {
        List<ClientCapability> table = capabilities(TestRules.catalogue());
        assertThat(table).hasSize(ClientSupportWorkbook.ROWS.size());
        for (Client client : Client.values()) {
            if (!client.isKnown()) {
                // an unknown client (a gap in the exports) has no row: no client rule may fire for it
                assertThat(table).noneMatch(c -> c.getClient() == client);
                continue;
            }
            assertThat(row(table, client, ServerVersion.LYNC_2013).getSource()).as(client.name()).isNotBlank();
        }
        assertThat(table).noneMatch(c -> c.getServer() == ServerVersion.OCS_2007_R2);
    }

    @Test
    void theTableSaysWhatTheArticleSays() {
        List<ClientCapability> table = capabilities(TestRules.catalogue());
        // "You cannot use the following clients to join meetings scheduled through the Online Meeting Add-in for Lync 2013"
        // (and Client interoperability in Lync 2013 marks the Lync 2010 Attendee "Not supported" there too)
        for (Client c : List.of(Client.COMMUNICATOR_2007_R2, Client.OCS_2007_R2_ATTENDANT, Client.COMMUNICATOR_2007,
                Client.LIVE_MEETING_2007, Client.LYNC_2010_ATTENDEE)) {
            assertThat(row(table, c, ServerVersion.LYNC_2013).getMeetings()).as(c.name()).isEqualTo(JoinSupport.NO);
            assertThat(row(table, c, ServerVersion.LYNC_2013).isCanJoinMeetings()).isFalse();
        }
        for (Client c : List.of(Client.LYNC_2010, Client.LYNC_WEB_APP_2010, Client.LYNC_2013,
                Client.LYNC_WEB_APP_2013)) {
            assertThat(row(table, c, ServerVersion.LYNC_2013).getMeetings()).as(c.name()).isEqualTo(JoinSupport.YES);
        }
        // "Office Communicator 2007 R2 users can continue to use their existing client [...] for presence and IM"
        assertThat(table).filteredOn(c -> c.getSignIn() == SignIn.IM_AND_PRESENCE_ONLY)
                .extracting(ClientCapability::getClient, ClientCapability::getServer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Client.COMMUNICATOR_2007_R2, ServerVersion.LYNC_2013));
        // Client interoperability in Lync 2013: sign-in to Lync Server 2013 "Not supported"
        assertThat(table).filteredOn(c -> c.getSignIn() == SignIn.NOT_SUPPORTED)
                .extracting(ClientCapability::getClient, ClientCapability::getServer)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Client.OCS_2007_R2_ATTENDANT, ServerVersion.LYNC_2013),
                        org.assertj.core.groups.Tuple.tuple(Client.COMMUNICATOR_2007, ServerVersion.LYNC_2013),
                        org.assertj.core.groups.Tuple.tuple(Client.LIVE_MEETING_2007, ServerVersion.LYNC_2013),
                        org.assertj.core.groups.Tuple.tuple(Client.LYNC_2010_ATTENDEE, ServerVersion.LYNC_2013));
        // Federated: Communicator 2007 cannot join locked meetings; 2007 R2 and Live Meeting 2007 cannot join at all
        assertThat(row(table, Client.COMMUNICATOR_2007, ServerVersion.LYNC_2013).getFederatedMeetings())
                .isEqualTo(JoinSupport.UNLOCKED_ONLY);
        assertThat(row(table, Client.COMMUNICATOR_2007_R2, ServerVersion.LYNC_2013).getFederatedMeetings())
                .isEqualTo(JoinSupport.NO);
        assertThat(row(table, Client.LIVE_MEETING_2007, ServerVersion.LYNC_2013).getFederatedMeetings())
                .isEqualTo(JoinSupport.NO);
        assertThat(row(table, Client.OCS_2007_R2_ATTENDANT, ServerVersion.LYNC_2013).getFederatedMeetings()).isNull();
        // Lync 2010 on Lync Server 2013: joins, without the new conferencing features
        assertThat(row(table, Client.LYNC_2010, ServerVersion.LYNC_2013).getLost())
                .containsExactlyInAnyOrder(MeetingFeature.NEW_CONFERENCING_FEATURES, MeetingFeature.POWERPOINT_FROM_LYNC_2013);
        // Lync 2013 in Lync Server 2010 meetings: degraded
        assertThat(row(table, Client.LYNC_2013, ServerVersion.LYNC_2010).getLost()).containsExactlyInAnyOrder(
                MeetingFeature.NO_MEETING_IM, MeetingFeature.GALLERY_VIEW, MeetingFeature.LOCK_VIDEO_SPOTLIGHT,
                MeetingFeature.PIN_TO_GALLERY);
        assertThat(row(table, Client.LYNC_2013, ServerVersion.LYNC_2013).getLost()).isEmpty();
    }

    @Test
    void theRulesReadTheTableThroughALookupResolvedFromItsRows() {
        CompiledRules rules = TestRules.catalogue();
        assertThat(rules.declaresClientSupport()).isTrue();
        ClientSupport lookup = rules.clientSupport();
        assertThat(rules.clientSupport()).isSameAs(lookup);
        for (ClientCapability row : capabilities(rules)) {
            assertThat(lookup.meetings(row.getClient(), row.getServer())).isEqualTo(row.getMeetings());
            assertThat(lookup.federatedMeetings(row.getClient(), row.getServer())).isEqualTo(row.getFederatedMeetings());
            assertThat(lookup.signIn(row.getClient(), row.getServer())).isEqualTo(row.getSignIn());
            assertThat(lookup.lost(row.getClient(), row.getServer())).isEqualTo(row.getLost());
        }
        // a pair without a row states nothing
        assertThat(lookup.meetings(Client.LYNC_2010, ServerVersion.OCS_2007_R2)).isNull();
        assertThat(lookup.lost(Client.LYNC_2010, ServerVersion.OCS_2007_R2)).isEmpty();
        assertThat(lookup.lost(null, ServerVersion.LYNC_2013)).isEmpty();
    }

    @Test
    void aPairGivenSeveralRowsTakesTheMostRestrictiveAnswers() {
        ClientSupport lookup = ClientSupport.of(List.of(
                ClientCapability.of(Client.LYNC_2010).server(ServerVersion.LYNC_2013).meetings(JoinSupport.YES)
                        .federatedMeetings(JoinSupport.NO).lost(MeetingFeature.GALLERY_VIEW).source("one"),
                ClientCapability.of(Client.LYNC_2010).server(ServerVersion.LYNC_2013).meetings(JoinSupport.UNLOCKED_ONLY)
                        .signIn(SignIn.ALL_FEATURES).lost(MeetingFeature.NO_MEETING_IM).source("two")));
        assertThat(lookup.meetings(Client.LYNC_2010, ServerVersion.LYNC_2013)).isEqualTo(JoinSupport.UNLOCKED_ONLY);
        assertThat(lookup.federatedMeetings(Client.LYNC_2010, ServerVersion.LYNC_2013)).isEqualTo(JoinSupport.NO);
        assertThat(lookup.signIn(Client.LYNC_2010, ServerVersion.LYNC_2013)).isEqualTo(SignIn.ALL_FEATURES);
        assertThat(lookup.lost(Client.LYNC_2010, ServerVersion.LYNC_2013))
                .containsExactlyInAnyOrder(MeetingFeature.GALLERY_VIEW, MeetingFeature.NO_MEETING_IM);
    }

    @Test
    void theWorkbookIsTheOneTheGeneratorWroteCellForCell() throws IOException {
        try (InputStream in = Files.newInputStream(TestRules.RULES_FOLDER.resolve(TABLE));
             Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = wb.getSheet(ClientSupportWorkbook.SHEET);
            for (int i = 0; i < ClientSupportWorkbook.ROWS.size(); i++) {
                String[] expected = ClientSupportWorkbook.ROWS.get(i);
                Row row = sheet.getRow(ClientSupportWorkbook.FIRST_DATA_ROW - 1 + i);
                for (int c = 0; c < expected.length; c++) {
                    Cell cell = row.getCell(c);
                    assertThat(cell == null ? "" : cell.getStringCellValue()).as("row %d column %d",
                            ClientSupportWorkbook.FIRST_DATA_ROW + i, c + 1).isEqualTo(expected[c]);
                }
            }
        }
    }

    @Test
    void tableRowsAreSupportingRulesWithoutIdsOrWarningsAndTheCatalogueKeepsItsTwentyFourRules() {
        CompiledRules rules = TestRules.catalogue();
        assertThat(rules.warnings()).isEmpty();
        assertThat(rules.rules()).hasSize(26).allSatisfy(r -> assertThat(r.id()).isNotNull());
        assertThat(rules.supportingRules()).hasSize(ClientSupportWorkbook.ROWS.size()).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo(TABLE);
            assertThat(r.id()).isNull();
        });
        assertThat(rules.supportingRules()).extracting(RuleInfo::line)
                .startsWith(ClientSupportWorkbook.FIRST_DATA_ROW, ClientSupportWorkbook.FIRST_DATA_ROW + 1);
    }

    @Test
    void theClientRulesReadTheirAnswersFromTheTable() throws Exception {
        // A consultant decides the Lync 2010 Attendee can join Lync Server 2013 meetings and sign in after all.
        Path rules = copyOfRules(sheet -> {
            Row attendee = findRow(sheet, "LYNC_2010_ATTENDEE", "LYNC_2013");
            attendee.getCell(2).setCellValue("YES");
            attendee.getCell(4).setCellValue("ALL_FEATURES");
        });
        Inventory inventory = attendeeInAMeeting();
        assertThat(rulesFiring(TestRules.assessor(), inventory)).contains("CLIENT-NO-CONFERENCING", "CLIENT-CANNOT-SIGN-IN");
        Assessor edited = new Assessor(RuleCompiler.compile(RuleFiles.fromFolder(rules)));
        assertThat(rulesFiring(edited, inventory)).doesNotContain("CLIENT-NO-CONFERENCING", "CLIENT-CANNOT-SIGN-IN");
    }

    @Test
    void anUnknownValueInACellIsReportedWithFileSheetRowAndColumn() throws Exception {
        Path rules = tableOnly(sheet -> findRow(sheet, "COMMUNICATOR_2007", "LYNC_2013").getCell(1).setCellValue("LYNC_2099"));
        assertThatThrownBy(() -> RuleCompiler.compile(RuleFiles.fromFolder(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    RuleProblem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo(TABLE);
                    assertThat(p.line()).isEqualTo(12);
                    assertThat(p.column()).isEqualTo(2);
                    assertThat(p.format()).startsWith("client-support.xlsx!B12: sheet \"Client support\","
                            + " column \"Meeting hosted on\": ").contains("LYNC_2099");
                });
    }

    @Test
    void aTypoInAListCellNamesThatCell() throws Exception {
        Path rules = tableOnly(sheet -> findRow(sheet, "LYNC_2013", "LYNC_2010").getCell(5)
                .setCellValue("NO_MEETING_IM, GALLERY_VEIW, LOCK_VIDEO_SPOTLIGHT, PIN_TO_GALLERY"));
        assertThatThrownBy(() -> RuleCompiler.compile(RuleFiles.fromFolder(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.format()).startsWith("client-support.xlsx!F24: sheet \"Client support\","
                                + " column \"Features lost in these meetings\": ").contains("GALLERY_VEIW")));
    }

    @Test
    void aBrokenTableHeaderIsReportedAtItsCell() throws Exception {
        // The code cell of column D emptied: the cells below it would have no code to go into.
        Path rules = tableOnly(sheet -> sheet.getRow(7).removeCell(sheet.getRow(7).getCell(3)));
        assertThatThrownBy(() -> RuleCompiler.compile(RuleFiles.fromFolder(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(TABLE);
                            assertThat(p.line()).isEqualTo(8);
                            assertThat(p.column()).isEqualTo(4);
                            assertThat(p.message()).isEqualTo("sheet \"Client support\", the code of column \"Federated"
                                    + " users join\" (row 8): empty; ACTION columns need their code here, with $param where"
                                    + " the cell's value goes");
                        }));
    }

    @Test
    void aColumnKindMergedAcrossColumnsIsTheKindOfEachOfThem() throws Exception {
        // One ACTION cell merged over A6:G6, as a spreadsheet program saves it (the other cells blank): Drools reads
        // every column as an ACTION, and so must the checks before it.
        Path rules = tableOnly(sheet -> {
            for (int c = 1; c < 7; c++) {
                sheet.getRow(5).getCell(c).setBlank();
            }
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(5, 5, 0, 6));
        });
        assertThat(capabilities(RuleCompiler.compile(RuleFiles.fromFolder(rules), RuleCache.disabled())))
                .hasSize(ClientSupportWorkbook.ROWS.size());
    }

    @Test
    void aBrokenTableKeepsTheLastGoodRulesOnReload() throws Exception {
        Path rules = tableOnly(sheet -> findRow(sheet, "LYNC_2013", "LYNC_2013").getCell(0).setCellValue("LYNC_2031"));
        Assessor assessor = new Assessor(TestRules.catalogue());
        assertThatThrownBy(() -> assessor.reload(RuleFiles.fromFolder(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.format())
                                .startsWith("client-support.xlsx!A17: sheet \"Client support\", column \"Client\": ")));
        assertThat(assessor.rules()).isSameAs(TestRules.catalogue());
    }

    @Test
    void aFileThatIsNoSpreadsheetIsAnErrorOfThatFile() throws Exception {
        Path rules = tableOnly(sheet -> { });
        Files.writeString(rules.resolve(TABLE), "not a workbook");
        assertThatThrownBy(() -> RuleCompiler.compile(RuleFiles.fromFolder(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.format()).startsWith("client-support.xlsx:0:0: cannot read the spreadsheet")));
    }

    @Test
    void aCsvDecisionTableIsCompiledAndItsErrorsLocatedTheSameWay() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("csv-rules"));
        String header = String.join("\n",
                "RuleSet,io.migkb.rules",
                "Import,io.migkb.model.*",
                "",
                "RuleTable Extra",
                "ACTION,ACTION,ACTION",
                ",,",
                "\"ClientCapability.Builder row = ClientCapability.of(Client.$param);\",\"row.server(ServerVersion.$param);\","
                        + "\"insert(row.meetings(JoinSupport.NO).source(\"\"$param\"\"));\"",
                "Client,Meeting hosted on,Source",
                "LYNC_2010_ATTENDEE,LYNC_2010,a consultant's own statement",
                "");
        Files.writeString(rules.resolve("extra.csv"), header);
        CompiledRules compiled = RuleCompiler.compile(RuleFiles.fromFolder(rules));
        assertThat(capabilities(compiled)).singleElement().satisfies(c -> {
            assertThat(c.getClient()).isEqualTo(Client.LYNC_2010_ATTENDEE);
            assertThat(c.getServer()).isEqualTo(ServerVersion.LYNC_2010);
            assertThat(c.getSource()).isEqualTo("a consultant's own statement");
        });
        assertThat(compiled.supportingRules()).singleElement()
                .satisfies(r -> assertThat(r.file() + ":" + r.line()).isEqualTo("extra.csv:9"));

        Files.writeString(rules.resolve("extra.csv"), header.replace("LYNC_2010_ATTENDEE,", "LYNC_2010_ATENDEE,"));
        assertThatThrownBy(() -> RuleCompiler.compile(RuleFiles.fromFolder(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.format()).startsWith("extra.csv!A9: column \"Client\": ")
                                .contains("LYNC_2010_ATENDEE")));
    }

    private static Set<String> rulesFiring(Assessor assessor, Inventory inventory) {
        Set<String> ids = new java.util.TreeSet<>();
        assessor.assess(inventory).findings().stream().map(Finding::getRule).forEach(ids::add);
        return ids;
    }

    private static Inventory attendeeInAMeeting() {
        List<Pool> pools = List.of(new Pool("pool13.contoso.com", ServerVersion.LYNC_2013));
        List<User> users = List.of(
                user("alice@contoso.com", Client.LYNC_2013),
                user("dave@contoso.com", Client.LYNC_2010_ATTENDEE));
        Meeting meeting = new Meeting("m1", "alice@contoso.com", "https://meet.contoso.com/alice/M1", UrlScheme.HTTPS,
                false, Set.of(), false, false, List.of("dave@contoso.com"));
        Plan plan = new Plan("pool13.contoso.com", false, false, false, 10, Map.of());
        return new Inventory("contoso.com", plan, pools, users, List.of(), List.of(meeting), Map.of());
    }

    private static User user(String sip, Client client) {
        return new User(sip, "pool13.contoso.com", ServerVersion.LYNC_2013, client, null, 0, EnumSet.noneOf(io.migkb.model.Need.class),
                EnumSet.noneOf(io.migkb.model.AddIn.class), false);
    }

    /** A copy of rules/ in a temporary folder, its table edited. */
    private Path copyOfRules(Consumer<Sheet> edit) throws IOException {
        return copy(edit, true);
    }

    /** A rules folder holding only an edited copy of the table: errors come out the same, and it compiles fast. */
    private Path tableOnly(Consumer<Sheet> edit) throws IOException {
        return copy(edit, false);
    }

    private Path copy(Consumer<Sheet> edit, boolean withDrl) throws IOException {
        Path copy = temp.resolve("rules");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(TestRules.RULES_FOLDER)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && (withDrl || f.getFileName().toString().equals(TABLE))) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Path table = copy.resolve(TABLE);
        Workbook wb;
        try (InputStream in = Files.newInputStream(table)) {
            wb = WorkbookFactory.create(in);
        }
        try (wb) {
            edit.accept(wb.getSheetAt(0));
            try (OutputStream out = Files.newOutputStream(table)) {
                wb.write(out);
            }
        }
        return copy;
    }

    private static Row findRow(Sheet sheet, String client, String server) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(1) != null && client.equals(row.getCell(0).toString())
                    && server.equals(row.getCell(1).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + client + " / " + server);
    }
}
