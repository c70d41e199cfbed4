package io.migkb.cli;

import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleProblem;
import io.migkb.engine.RuleRuntimeException;
import io.migkb.engine.RunawayRulesException;
import io.migkb.inventory.InventoryException;
import io.migkb.plan.PlanException;
import io.migkb.report.ReportFiles;
import io.migkb.waiver.WaiverFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Turns what went wrong into a few readable lines and exit code 2, never a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        Progress.abandon();
        PrintWriter err = cli.getErr();
        if (e instanceof AssessedInventory.InputErrors all) {
            all.errors().forEach(one -> print(one, err));
        } else {
            print(e, err);
        }
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static void print(Exception e, PrintWriter err) {
        if (e instanceof UserError u) {
            err.println("migkb: " + u.getMessage());
        } else if (e instanceof InventoryException i) {
            err.println("migkb: the inventory has " + CheckCommand.plural(i.getErrorCount(), "error")
                    + "; nothing assessed, no report written:");
            i.getErrors().forEach(error -> err.println(error));
            if (i.getOmittedCount() > 0) {
                err.println("... and " + i.getOmittedCount() + " more");
            }
        } else if (e instanceof WaiverFileException w) {
            err.println("migkb: the waivers file has " + CheckCommand.plural(w.problems().size(), "error")
                    + "; nothing assessed, no report written:");
            w.problems().forEach(p -> err.println(p.format()));
        } else if (e instanceof PlanException p) {
            err.println("migkb: no plan written: " + p.getMessage());
        } else if (e instanceof RuleBuildException r) {
            err.println("migkb: the rules do not compile (" + CheckCommand.plural(r.problems().size(), "error")
                    + "); no report written:");
            for (RuleProblem p : r.problems()) {
                err.println(p.format());
            }
        } else if (e instanceof RuleRuntimeException r) {
            err.println("migkb: a rule failed; no report written:");
            err.println(r.getMessage());
        } else if (e instanceof RunawayRulesException r) {
            err.println("migkb: assessment stopped, no report written: " + r.getMessage());
        } else if (e instanceof ReportFiles.WriteException w) {
            err.println("migkb: " + w.getMessage());
        } else if (e instanceof NoSuchFileException n) {
            err.println("migkb: no such file: " + n.getFile());
        } else if (e instanceof FileSystemException f && f.getFile() != null) {
            // Java's message is the path alone: say what went wrong with it.
            err.println("migkb: " + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
                    + ReportFiles.reason(f) + (f instanceof AccessDeniedException
                    ? "; check its permissions (and its folder's) for the user running migkb" : ""));
        } else if (e instanceof IOException io) {
            err.println("migkb: " + ReportFiles.reason(io));
        } else {
            err.println("migkb: internal error: " + e);
            if (System.getenv("MIGKB_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set MIGKB_DEBUG=1 for the stack trace)");
            }
        }
    }
}
