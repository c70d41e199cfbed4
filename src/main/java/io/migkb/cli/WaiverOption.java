package io.migkb.cli;

import io.migkb.model.Finding;
import io.migkb.waiver.WaiverFileException;
import io.migkb.waiver.WaiverOutcome;
import io.migkb.waiver.WaiverReader;
import io.migkb.waiver.WaiverSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --waivers FILE}: accepted findings (YAML list of rule, subject glob, reason, owner, expires). Waived findings
 * stay in every report, marked and counted apart, and do not count for {@code --fail-on}; an expired waiver no
 * longer waives; expired and unmatched waivers are reported on stderr and in the report.
 */
final class WaiverOption {
    /** "Today" for expiry dates; tests fix it. */
    static Clock clock = Clock.systemDefaultZone();

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Waivers (YAML: rule, subject glob, reason, owner, expires yyyy-mm-dd). Waived findings "
                    + "stay in the report, marked and counted apart, and do not count for --fail-on.")
    Path file;

    /** The waivers, or {@link WaiverSet#NONE} without --waivers; a bad file is an error with file:line:col: field. */
    WaiverSet read() throws UserError, IOException, WaiverFileException {
        if (file == null) {
            return WaiverSet.NONE;
        }
        check();
        return WaiverReader.read(file);
    }

    /** Refuses a --waivers that names no readable file; cheap, so a command does it before any long read. */
    void check() throws UserError {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UserError("--waivers " + file + ": it is a folder; give the waivers file (YAML) itself");
        }
        if (!Files.exists(file)) {
            throw new UserError("--waivers " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new UserError("--waivers " + file + ": permission denied; make the file readable");
        }
    }

    /** Which findings the waivers waive today. */
    WaiverOutcome apply(WaiverSet waivers, List<Finding> findings) {
        return waivers.apply(findings, clock);
    }

    /** One warning line on {@code err} per expired or unmatched waiver (also in the report). */
    static void warn(WaiverOutcome outcome, PrintWriter err) {
        for (String notice : outcome.notices()) {
            err.println("migkb: warning: " + notice);
        }
        err.flush();
    }
}
