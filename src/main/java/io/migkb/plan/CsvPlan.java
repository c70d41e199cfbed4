package io.migkb.plan;

import io.migkb.model.Coverage.NotAssessedUser;
import java.util.List;

/** The plan as four CSV tables (RFC 4180, UTF-8, CRLF), for spreadsheets and scripts. */
final class CsvPlan {
    private CsvPlan() {
    }

    static List<PlanFile> render(MigrationPlan plan) {
        StringBuilder waves = new StringBuilder();
        row(waves, "wave", "wave_title", "user", "from", "pool", "command", "notes");
        for (Wave w : plan.waves()) {
            for (UserMove u : w.users()) {
                row(waves, String.valueOf(w.number()), w.title(), u.sip(), u.from().name(), u.pool(),
                        PowerShellScript.command(u, plan.targetPool()), String.join(" ", u.notes()));
            }
        }
        StringBuilder meetings = new StringBuilder();
        row(meetings, "meeting", "organizer", "scheme", "disposition", "wave", "action", "federated_users", "rules");
        for (MeetingPlan m : plan.meetings()) {
            row(meetings, m.id(), m.organizer(), m.scheme().name(), m.disposition().name(), String.valueOf(m.wave()),
                    m.action(), String.join(" ", m.federatedUsers()), String.join(" ", m.rules()));
        }
        StringBuilder tasks = new StringBuilder();
        row(tasks, "wave", "wave_title", "task");
        for (Wave w : plan.waves()) {
            for (String t : w.tasks()) {
                row(tasks, String.valueOf(w.number()), w.title(), t);
            }
        }
        // Written with its header even when empty, so that a script reading it need not check that it exists.
        StringBuilder notAssessed = new StringBuilder();
        row(notAssessed, "sip", "reason", "detail", "location");
        for (NotAssessedUser u : plan.notAssessed()) {
            row(notAssessed, u.sip(), u.reason().name(), u.detail(), u.location() == null ? "" : u.location().toString());
        }
        return List.of(PlanFile.utf8("plan-waves.csv", waves.toString()),
                PlanFile.utf8("plan-meetings.csv", meetings.toString()),
                PlanFile.utf8("plan-tasks.csv", tasks.toString()),
                PlanFile.utf8(MigrationPlan.NOT_ASSESSED_CSV, notAssessed.toString()));
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /**
     * One field: quoted when it holds a comma, quote or line break (quotes doubled); text that a spreadsheet would
     * take for a formula (starting with =, +, -, @, tab or CR) is prefixed with a single quote.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
