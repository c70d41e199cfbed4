package io.migkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.Assessor;
import io.migkb.engine.RuleCache;
import io.migkb.engine.RuleCompiler;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.RuleInfo;
import io.migkb.engine.TestRules;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import io.migkb.engine.WorkbookCsv;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A consultant's slips in the client-support table, each run through {@code check} and {@code assess} as the command
 * line runs them: every one is an error at its own cell ({@code client-support.xlsx!C13}), saying what the cell must
 * hold, found by {@code check}; none is skipped silently or left to crash an assessment.
 */
class DecisionTableErrorsTest {
    private static final String TABLE = "client-support.xlsx";
    private static final String SHEET = "sheet \"Client support\", ";

    @TempDir
    Path dir;

    private int copies;

    @Test
    void aRowBelowBlankRowsIsStillOneOfTheTablesRows() throws Exception {
        // Two blank rows above the last row (Lync 2013 in Lync Server 2010 meetings), which moves to row 26.
        Path rules = editedTable(sheet -> sheet.shiftRows(23, 23, 2));
        CliRun check = CliRun.of("check", "--rules", rules.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

        Assessor edited = new Assessor(RuleCompiler.compile(RuleFiles.fromFolder(rules), RuleCache.disabled()));
        assertThat(edited.rules().supportingRules()).extracting(RuleInfo::line).contains(26).doesNotContain(24, 25);
        for (String example : List.of("examples/contoso.json", "examples/litware-exports")) {
            Inventory inventory = InventoryReaders.read(Path.of(example));
            assertThat(edited.assess(inventory).findings()).as(example).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(TestRules.assessor().assess(inventory).findings());
        }

        // and a mistake in that row is reported at its own row
        Path broken = editedTable(sheet -> {
            sheet.shiftRows(23, 23, 2);
            sheet.getRow(25).getCell(1).setCellValue("LYNC_2099");
        });
        assertThat(checkErrors(broken)).singleElement().asString().startsWith(TABLE + "!B26: ");
    }

    @ParameterizedTest(name = "{0} emptied")
    @CsvSource(delimiter = '|', value = {
        "A13|column \"Client\": empty, but every row needs it (the row's other cells build on it); allowed values:"
            + " COMMUNICATOR_2007, COMMUNICATOR_2007_R2, OCS_2007_R2_ATTENDANT, LIVE_MEETING_2007, LYNC_2010,"
            + " LYNC_2010_ATTENDEE, LYNC_WEB_APP_2010, LYNC_2013, LYNC_WEB_APP_2013",
        "B13|column \"Meeting hosted on\": empty, but every row needs it (a client-support row needs this answer);"
            + " allowed values: OCS_2007_R2, LYNC_2010, LYNC_2013",
        "C13|column \"Organization's users join\": empty, but every row needs it (a client-support row needs this"
            + " answer); allowed values: YES, UNLOCKED_ONLY, NO",
        "G13|column \"What the article says (required: it is what adds the row)\": empty, but every row needs it (it"
            + " is the cell that adds the row: without it the row adds nothing); any text"})
    void anEmptyRequiredCellIsAnErrorAtThatCellFoundByCheck(String cell, String message) throws Exception {
        int column = cell.charAt(0) - 'A';
        Path rules = editedTable(sheet -> sheet.getRow(12).removeCell(sheet.getRow(12).getCell(column)));
        assertThat(checkErrors(rules)).containsExactly(TABLE + "!" + cell + ": " + SHEET + message);

        Path report = dir.resolve("report-" + cell + ".json");
        CliRun assess = CliRun.of("assess", "examples/contoso.json", "--rules", rules.toString(), "--out", report.toString());
        assertThat(assess.exitCode()).isEqualTo(2);
        assertThat(assess.err()).contains(TABLE + "!" + cell + ": " + SHEET + message).doesNotContain("internal error");
        assertThat(report).doesNotExist();
    }

    @Test
    void aCellOfTheWrongTypeIsReportedInItsOwnColumn() throws Exception {
        // A number typed where a server version goes: Drools' error about it names the row's first cell.
        Path rules = editedTable(sheet -> sheet.getRow(11).getCell(1).setCellValue(2013));
        assertThat(checkErrors(rules)).containsExactly(TABLE + "!B12: " + SHEET + "column \"Meeting hosted on\": 2013 is"
                + " not a ServerVersion; allowed values: OCS_2007_R2, LYNC_2010, LYNC_2013");

        // Text where a condition compares a number (a consultant's own table, kept as CSV).
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve("frequent.csv"), String.join("\n",
                "RuleSet,io.migkb.rules",
                "Import,io.migkb.model.*",
                "",
                "RuleTable Frequent",
                "CONDITION,ACTION",
                "User,",
                "meetingsPerMonth >= $param,\"insert(ClientCapability.of(Client.LYNC_2013).server(ServerVersion.LYNC_2013)"
                        + ".meetings(JoinSupport.YES).source(\"\"$param\"\"));\"",
                "Meetings a month,Source",
                "10,a consultant's own row",
                "ten,another",
                ""));
        assertThat(checkErrors(own)).containsExactly("frequent.csv!A10: column \"Meetings a month\": ten is not a number;"
                + " the cell must hold a number (int), e.g. 10");
    }

    @Test
    void aHeaderTypoIsOneErrorAtTheHeaderCell() throws Exception {
        Path kind = editedTable(sheet -> sheet.getRow(5).getCell(2).setCellValue("ACTOIN"));
        assertThat(checkErrors(kind)).singleElement().asString().startsWith(TABLE + "!C6: " + SHEET
                + "the column kinds (row 6): \"ACTOIN\" is not a column kind; allowed values: CONDITION, ACTION (or one of");

        Path code = editedTable(sheet -> sheet.getRow(7).getCell(1).setCellValue("row.sever(ServerVersion.$param);"));
        assertThat(checkErrors(code)).containsExactly(TABLE + "!B8: " + SHEET + "the code of column \"Meeting hosted on\""
                + " (row 8): does not compile, in any row: ClientCapability.Builder has no method sever(ServerVersion);"
                + " rows 5 to 9 are the table's header: put back the code this cell had");

        Path name = editedTable(sheet -> sheet.getRow(4).getCell(0).setCellValue("RuleTabel ClientSupport"));
        assertThat(checkErrors(name)).singleElement().asString().startsWith(TABLE + "!A5: " + SHEET);
    }

    @Test
    void aMisspeltKeywordAboveTheTableIsAnErrorAtItsCellNotARowDroolsDropsSilently() throws Exception {
        // Drools ignores a name it does not know above the table: the imports would be lost, and the errors would
        // surface at every code cell that names a model class. Notes (row 3) is text, and stays allowed.
        Path rules = editedTable(sheet -> sheet.getRow(1).getCell(0).setCellValue("Improt"));
        assertThat(checkErrors(rules)).singleElement().asString().startsWith(TABLE + "!A2: " + SHEET
                + "\"Improt\" is no keyword Drools reads above the table, so it ignores this row; did you mean Import?");

        Path sequential = editedTable(sheet -> sheet.createRow(3).createCell(0).setCellValue("Sequental"));
        assertThat(checkErrors(sequential)).singleElement().asString().contains("!A4: ")
                .contains("did you mean Sequential?");
    }

    @Test
    void aTableOnASecondSheetIsAnErrorAtItsCellNotLeftOutSilently() throws Exception {
        // Drools reads a workbook's first sheet only: rows a consultant adds on another sheet would never apply.
        Path rules = editedTable(sheet -> sheet.getWorkbook().createSheet("More rules").createRow(1).createCell(1)
                .setCellValue("RuleTable MoreClientSupport"));
        assertThat(checkErrors(rules)).containsExactly(TABLE + "!B2: sheet \"More rules\", \"RuleTable MoreClientSupport\""
                + " is not read: only the workbook's first sheet (\"Client support\") is; move the table there, or save it"
                + " as a workbook of its own");
    }

    @Test
    void tableErrorsNameTheirCellAndWhatItMayHoldNotTheJavaCompilersWords() throws Exception {
        Consumer<Sheet> typos = sheet -> {
            sheet.getRow(11).getCell(1).setCellValue("LYNC_2099");
            sheet.getRow(23).getCell(5).setCellValue("NO_MEETING_IM, GALERY_VIEW");
            sheet.getRow(16).getCell(2).setCellValue("yes");
        };
        List<String> expected = List.of(
                "!B12: " + SHEET + "column \"Meeting hosted on\": LYNC_2099 is not a ServerVersion; allowed values:"
                        + " OCS_2007_R2, LYNC_2010, LYNC_2013",
                "!C17: " + SHEET + "column \"Organization's users join\": yes is not a JoinSupport (write it YES); allowed"
                        + " values: YES, UNLOCKED_ONLY, NO",
                "!F24: " + SHEET + "column \"Features lost in these meetings\": GALERY_VIEW is not a MeetingFeature;"
                        + " allowed values, one or more separated by commas: NEW_CONFERENCING_FEATURES,"
                        + " POWERPOINT_FROM_LYNC_2013, NO_MEETING_IM, GALLERY_VIEW, LOCK_VIDEO_SPOTLIGHT, PIN_TO_GALLERY");
        assertThat(checkErrors(editedTable(typos))).containsExactlyElementsOf(expected.stream().map(e -> TABLE + e).toList());

        // The same table kept as CSV: the same checks, the same cell names, no sheet.
        Path csv = editedTable(typos);
        Files.writeString(csv.resolve("client-support.csv"), WorkbookCsv.of(csv.resolve(TABLE)), StandardCharsets.UTF_8);
        Files.delete(csv.resolve(TABLE));
        assertThat(checkErrors(csv)).containsExactlyElementsOf(
                expected.stream().map(e -> "client-support.csv" + e.replace(SHEET, "")).toList());
    }

    /** The lines {@code check} prints for the rules in {@code rules}, which must not compile. */
    private static List<String> checkErrors(Path rules) {
        CliRun check = CliRun.of("check", "--rules", rules.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(2);
        return check.out().lines().toList();
    }

    /** A copy of rules/ whose client-support table has been edited. */
    private Path editedTable(Consumer<Sheet> edit) throws IOException {
        Path rules = RulesCopy.of(dir.resolve("rules-" + copies++));
        Path table = rules.resolve(TABLE);
        Workbook workbook;
        try (InputStream in = Files.newInputStream(table)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            edit.accept(workbook.getSheetAt(0));
            try (OutputStream out = Files.newOutputStream(table)) {
                workbook.write(out);
            }
        }
        return rules;
    }
}
