package io.migkb.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Wrote the first version of {@code rules/client-support.xlsx}, the client-support decision table. The committed
 * workbook is the source from now on: consultants edit it in a spreadsheet program, and
 * {@code ClientSupportTableTest} checks that it still says what the article says. Run this only to start the
 * table over: {@code mvn -q test-compile exec:java} is not set up, so run {@code main} from an IDE with the
 * working directory at the repository root.
 */
public final class ClientSupportWorkbook {
    static final String SHEET = "Client support";
    static final int FIRST_DATA_ROW = 10; // 1-based, as a spreadsheet program shows it

    private static final String[] LABELS = {
        "Client", "Meeting hosted on", "Organization's users join", "Federated users join",
        "Signed in to this server, the client keeps", "Features lost in these meetings",
        "What the article says (required: it is what adds the row)"};
    private static final String[] CODE = {
        "ClientCapability.Builder row = ClientCapability.of(Client.$param);",
        "row.server(ServerVersion.$param);",
        "row.meetings(JoinSupport.$param);",
        "row.federatedMeetings(JoinSupport.$param);",
        "row.signIn(SignIn.$param);",
        "row.lost(forall(,){MeetingFeature.$});",
        "insert(row.source(\"$param\"));"};

    private static final String NOT_SUPPORTED = "“Lync Server 2013 does not support Office Communicator clients for"
            + " conferencing. You cannot use the following clients to join meetings scheduled through the Online Meeting"
            + " Add-in for Lync 2013: ";

    /** "Client interoperability in Lync 2013" (TechNet JJ204672), its table of sign-in by client and server. */
    private static final String INTEROP = " Client interoperability in Lync 2013, server and client compatibility: ";

    /** The rows: client, host, members join, federated join, signed in, lost, source. */
    static final List<String[]> ROWS = List.of(
        new String[] {"COMMUNICATOR_2007_R2", "LYNC_2013", "NO", "NO", "IM_AND_PRESENCE_ONLY", "",
            NOT_SUPPORTED + "Office Communicator 2007 R2 [...]” “Office Communicator 2007 R2 users can continue to use"
                + " their existing client against Lync Server 2013 for presence and IM features, but conferencing"
                + " features are not supported.”"},
        new String[] {"OCS_2007_R2_ATTENDANT", "LYNC_2013", "NO", "", "NOT_SUPPORTED", "",
            NOT_SUPPORTED + "Microsoft Office Communications Server 2007 R2 Attendant [...]” (an internal console:"
                + " nothing is said of federated users)." + INTEROP + "Microsoft Office Communications Server 2007 R2"
                + " Attendant on Lync Server 2013 “Not supported”; Lync 2010 Attendant “Supported” (its replacement:"
                + " there is no Lync 2013 Attendant)"},
        new String[] {"COMMUNICATOR_2007", "LYNC_2013", "NO", "UNLOCKED_ONLY", "NOT_SUPPORTED", "",
            NOT_SUPPORTED + "Office Communicator 2007 [...]” “Users in federated organizations who are using"
                + " Microsoft Office Communicator 2007 cannot join Lync Server 2013 meetings in your organization if"
                + " those meetings are locked by the organizer.”" + INTEROP + "Office Communicator 2007 on Lync Server"
                + " 2013 “Not supported”"},
        new String[] {"LIVE_MEETING_2007", "LYNC_2013", "NO", "NO", "NOT_SUPPORTED", "",
            NOT_SUPPORTED + "Office Live Meeting 2007”" + INTEROP + "Office Live Meeting 2007 on Lync Server 2013"
                + " “Not supported”"},
        new String[] {"LYNC_2010", "LYNC_2013", "YES", "YES", "ALL_FEATURES",
            "NEW_CONFERENCING_FEATURES, POWERPOINT_FROM_LYNC_2013",
            "“Lync Server 2013 provides new conferencing features that become available to users after their accounts"
                + " are moved to Lync Server 2013 and they sign in with the Lync 2013 client.” (PowerPoint uploaded"
                + " from Lync 2013 is rendered by Office Web Apps Server: see Client interoperability in Lync 2013)"},
        new String[] {"LYNC_2010_ATTENDEE", "LYNC_2013", "NO", "NO", "NOT_SUPPORTED", "",
            "Not among the clients the article names, but" + INTEROP + "Lync 2010 Attendee on Lync Server 2013 “Not"
                + " supported”; its note calls Lync Web App 2013, with its full meeting experience, the replacement for"
                + " the Lync 2010 Attendee"},
        new String[] {"LYNC_WEB_APP_2010", "LYNC_2013", "YES", "YES", "", "",
            "Not among the clients the article excludes; a Lync Server 2013 meeting opens the Lync Web App its pool"
                + " serves (Client interoperability in Lync 2013, support for joining meetings: Lync Web App is part of"
                + " the server, so its latest version is always used), so the table's “Not supported” for Lync Web"
                + " App 2010 on Lync Server 2013 leaves its users nothing to do"},
        new String[] {"LYNC_2013", "LYNC_2013", "YES", "YES", "ALL_FEATURES", "",
            "The client of Lync Server 2013"},
        new String[] {"LYNC_WEB_APP_2013", "LYNC_2013", "YES", "YES", "", "",
            "“During migration, Office Communicator 2007 R2 users should use Lync Web App 2013 to join Lync Server 2013"
                + " meetings until their clients are upgraded.”"},
        new String[] {"COMMUNICATOR_2007_R2", "LYNC_2010", "YES", "YES", "", "",
            "“Unlike Lync Server 2010, Lync Server 2013 does not support Office Communicator clients for"
                + " conferencing.”"},
        new String[] {"COMMUNICATOR_2007", "LYNC_2010", "YES", "YES", "", "",
            "“Unlike Lync Server 2010, Lync Server 2013 does not support Office Communicator clients for"
                + " conferencing.”"},
        new String[] {"LYNC_2010", "LYNC_2010", "YES", "YES", "ALL_FEATURES", "", "The client of Lync Server 2010"},
        new String[] {"LYNC_2010_ATTENDEE", "LYNC_2010", "YES", "YES", "", "", "A meeting client of Lync Server 2010"},
        new String[] {"LYNC_WEB_APP_2010", "LYNC_2010", "YES", "YES", "", "", "A meeting client of Lync Server 2010"},
        new String[] {"LYNC_2013", "LYNC_2010", "YES", "YES", "",
            "NO_MEETING_IM, GALLERY_VIEW, LOCK_VIDEO_SPOTLIGHT, PIN_TO_GALLERY",
            "“users join Lync Server 2010 meetings with a Lync 2013 client. These users have access to Lync 2013"
                + " client features with the following exceptions:” No Meeting IM does not function; Gallery View"
                + " does not function in video conferences; Lock the Video Spotlight and Pin to Gallery are"
                + " unavailable"});

    private ClientSupportWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "rules/client-support.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            write(wb);
            wb.write(out);
        }
        System.out.println("wrote " + target);
    }

    static void write(Workbook wb) {
        Sheet sheet = wb.createSheet(SHEET);
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle heading = wb.createCellStyle();
        heading.setFont(bold);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        CellStyle code = wb.createCellStyle();
        Font grey = wb.createFont();
        grey.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
        code.setFont(grey);

        cells(sheet, 0, heading, "RuleSet", "io.migkb.rules");
        cells(sheet, 1, heading, "Import", "io.migkb.model.*");
        cells(sheet, 2, null, "Notes", "The client-support matrix of \"Migration considerations for meetings in Lync"
                + " Server 2013\": one row per client and server version hosting the meeting. The client rules in"
                + " rules/*.drl read their answers from it. Edit the white rows; leave rows 5 to 9 alone. Pick values"
                + " from the drop-down lists; an empty cell states nothing. Check with: bin/migkb check");
        cells(sheet, 4, heading, "RuleTable ClientSupport");
        String[] actions = new String[LABELS.length];
        java.util.Arrays.fill(actions, "ACTION");
        cells(sheet, 5, code, actions);
        sheet.createRow(6);
        cells(sheet, 7, code, CODE);
        cells(sheet, 8, heading, LABELS);
        for (int i = 0; i < ROWS.size(); i++) {
            cells(sheet, FIRST_DATA_ROW - 1 + i, null, ROWS.get(i));
            sheet.getRow(FIRST_DATA_ROW - 1 + i).getCell(LABELS.length - 1).setCellStyle(wrap);
        }
        int[] widths = {24, 20, 24, 22, 34, 58, 100};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, FIRST_DATA_ROW - 1);

        // Drop-down lists for the enum columns, over the data rows and room for more.
        int firstRow = FIRST_DATA_ROW - 1;
        int lastRow = firstRow + 200;
        DataValidationHelper dv = sheet.getDataValidationHelper();
        dropDown(sheet, dv, firstRow, lastRow, 0, names(io.migkb.model.Client.values()));
        dropDown(sheet, dv, firstRow, lastRow, 1, names(io.migkb.model.ServerVersion.values()));
        dropDown(sheet, dv, firstRow, lastRow, 2, names(io.migkb.model.JoinSupport.values()));
        dropDown(sheet, dv, firstRow, lastRow, 3, names(io.migkb.model.JoinSupport.values()));
        dropDown(sheet, dv, firstRow, lastRow, 4, names(io.migkb.model.SignIn.values()));
    }

    private static String[] names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static void dropDown(Sheet sheet, DataValidationHelper dv, int firstRow, int lastRow, int column,
                                 String[] values) {
        DataValidationConstraint constraint = dv.createExplicitListConstraint(values);
        DataValidation validation = dv.createValidation(constraint,
                new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static void cells(Sheet sheet, int rowIndex, CellStyle style, String... values) {
        Row row = sheet.getRow(rowIndex) != null ? sheet.getRow(rowIndex) : sheet.createRow(rowIndex);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null && !values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
                if (style != null) {
                    row.getCell(c).setCellStyle(style);
                }
            }
        }
    }
}
