package io.migkb.inventory;

import io.migkb.inventory.CsvInputs.Column;
import io.migkb.inventory.CsvInputs.Table;
import io.migkb.model.AddIn;
import io.migkb.model.Inventory;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an inventory from a folder of CSV files as Excel saves them (docs/inputs.md, "CSV folder"):
 * {@code pools.csv}, {@code users.csv}, and optionally {@code federated.csv}, {@code meetings.csv} and
 * {@code plan.yaml}. The columns are the JSON inventory's fields; list cells separate their items with {@code ;}
 * or {@code |}. Every value is checked as the JSON reader checks it, and errors name file, line, column and the
 * column's name.
 */
public final class CsvFolderInventoryReader implements InventoryReader {

    /** The file whose presence makes a folder a CSV folder. */
    static final String POOLS = "pools.csv";
    private static final String MEETINGS = "meetings.csv";

    private static final int P_FQDN = 0, P_VERSION = 1;
    static final List<Column> POOL_COLUMNS = List.of(
            new Column("fqdn", true, "the pool's fully qualified domain name, e.g. \"pool13.contoso.com\"", "fqdn",
                    "Identity", "Pool"),
            new Column("version", true, "one of " + StructuredInventoryParser.allowedNames(ServerVersion.class),
                    "version", "ServerVersion"));

    private static final int U_SIP = 0, U_POOL = 1, U_CLIENT = 2, U_MEETINGS = 3, U_NEEDS = 4, U_ADDINS = 5,
            U_LIVE_MEETING = 6;
    static final List<Column> USER_COLUMNS = List.of(
            new Column("sip", true, "the user's SIP address, e.g. \"alice@contoso.com\"", "sip", "SipAddress"),
            new Column("pool", true, "the FQDN of the pool the user is homed on, a pool of pools.csv", "pool",
                    "RegistrarPool"),
            new Column("client", true, StructuredInventoryParser.clientHint(), "client", "UserAgent"),
            new Column("meetingsPerMonth", false, "a whole number", "meetingsPerMonth"),
            new Column("needs", false, StructuredInventoryParser.allowedNames(Need.class) + ", separated by ; or |",
                    "needs"),
            new Column("addIns", false, StructuredInventoryParser.allowedNames(AddIn.class) + ", separated by ; or |",
                    "addIns"),
            new Column("schedulesLiveMeetingService", false, "true or false", "schedulesLiveMeetingService"));

    private static final int F_SIP = 0, F_CLIENT = 1;
    static final List<Column> FEDERATED_COLUMNS = List.of(
            new Column("sip", true, "the federated user's SIP address, e.g. \"carol@fabrikam.com\"", "sip",
                    "SipAddress"),
            new Column("client", true, StructuredInventoryParser.clientHint(), "client", "UserAgent"));

    /** True for a folder holding a pools.csv of this format (not a Get-CsPool export). */
    static boolean recognizes(Path path) {
        Path pools = path.resolve(POOLS);
        if (!Files.isDirectory(path) || !Files.isRegularFile(pools)) {
            return false;
        }
        // A Get-CsPool export saved as pools.csv makes a Lync export folder, not this format.
        try (CsvFile head = CsvFile.openHead(pools)) {
            return ExportKind.of(head.typeName(), head.header()) != ExportKind.POOLS;
        } catch (IOException | CsvFile.SyntaxException e) {
            return true;
        }
    }

    @Override
    public Inventory read(Path folder) throws InventoryException {
        ErrorCollector check = new ErrorCollector();
        if (!CsvInputs.checkFolder(folder, check, "a CSV-folder inventory")) {
            throw check.toException();
        }
        CsvInputs in = new CsvInputs(folder);
        MeetingRows meetings = new MeetingRows(in);
        meetings.readAhead(MEETINGS);
        try {
            boolean complete = in.readPlan();
            complete &= readPools(in);
            complete &= readUsers(in);
            complete &= readFederated(in);
            complete &= meetings.read(in.open(MEETINGS, "meetings", false, true, MeetingRows.COLUMNS,
                    "columns id, organizer, url, and optionally locked, content, video, noMeetingIm, participants"),
                    Map.of());
            return in.finish(complete);
        } finally {
            in.closeReadAhead();
        }
    }

    private static boolean readPools(CsvInputs in) {
        Table t = in.open(POOLS, "pools", true, true, POOL_COLUMNS, "columns fqdn and version");
        if (t == null) {
            return false;
        }
        return in.forEachRow(t, i -> {
            String fqdn = in.required(t, P_FQDN);
            ServerVersion version = null;
            String text = in.required(t, P_VERSION);
            if (text != null) {
                version = StructuredInventoryParser.choiceNamed(ServerVersion.class, text);
                if (version == null) {
                    t.error(P_VERSION, StructuredInventoryParser.unknownChoiceMessage(ServerVersion.class, text));
                }
            }
            in.assembler.pool(i, t.rowPos(), fqdn, t.pos(P_FQDN), version);
        });
    }

    private static boolean readUsers(CsvInputs in) {
        Table t = in.open("users.csv", "users", true, true, USER_COLUMNS, "columns sip, pool, client, and optionally"
                + " meetingsPerMonth, needs, addIns, schedulesLiveMeetingService");
        if (t == null) {
            return false;
        }
        return in.forEachRow(t, i -> {
            String sip = in.requiredSip(t, U_SIP);
            String pool = in.required(t, U_POOL);
            ClientSpec client = in.requiredClient(t, U_CLIENT);
            int meetings = in.count(t, U_MEETINGS);
            Set<Need> needs = in.choices(t, U_NEEDS, Need.class);
            Set<AddIn> addIns = in.choices(t, U_ADDINS, AddIn.class);
            Boolean liveMeeting = in.bool(t, U_LIVE_MEETING);
            in.assembler.user(new InventoryAssembler.UserDraft(i, t.rowPos(), sip,
                    t.pos(U_SIP), pool, t.pos(U_POOL), client == null ? null : client.client(),
                    client == null ? null : client.version(), Math.max(meetings, 0), needs, addIns,
                    Boolean.TRUE.equals(liveMeeting), null));
        });
    }

    private static boolean readFederated(CsvInputs in) {
        Table t = in.open("federated.csv", "federatedUsers", false, true, FEDERATED_COLUMNS, "columns sip and client");
        return in.forEachRow(t, i -> {
            String sip = in.requiredSip(t, F_SIP);
            ClientSpec client = in.requiredClient(t, F_CLIENT);
            in.assembler.federatedUser(i, t.rowPos(), sip, t.pos(F_SIP),
                    client == null ? null : client.client());
        });
    }
}
