package io.migkb.cli;

import io.migkb.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file and folder a command reads (inventory, waivers, rules), by real path after symbolic links, so that no
 * report, plan or generated file is ever written over one of them, nor into a folder migkb reads.
 */
final class ReadPaths {
    private record Input(String what, Path given, Path real, boolean folder) {
    }

    private final List<Input> inputs = new ArrayList<>();

    /** Adds an input; {@code what} names it in the refusal ("the inventory", "the waivers file"). Null is skipped. */
    ReadPaths add(String what, Path path) {
        if (path == null) {
            return this;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path.toAbsolutePath().normalize();
        }
        inputs.add(new Input(what, path, real, Files.isDirectory(real)));
        return this;
    }

    /** The inputs of assess and plan: the inventory, the waivers file, the rules folder (null when bundled). */
    static ReadPaths of(Path inventory, WaiverOption waivers, RulesOption rules) throws UserError {
        return new ReadPaths().add("the inventory", inventory).add("the waivers file", waivers.file)
                .add("the rules folder", rules.folder());
    }

    /** "base.json", or "link.json (/work/base.json)" when the name given is a link. */
    private static String shown(Input input) {
        return input.real.equals(input.given.toAbsolutePath().normalize()) ? input.given.toString()
                : input.given + " (" + input.real + ")";
    }

    /** Refuses, with exit 2, a write of {@code target} (given as {@code option}) that would land on an input. */
    void refuseOverwrite(String option, Path target) throws UserError {
        Path real;
        try {
            real = ReportFiles.realTarget(target);
        } catch (IOException e) {
            throw new UserError(option + ": cannot tell where it leads (" + ReportFiles.reason(e) + ")");
        }
        for (Input input : inputs) {
            if (real.equals(input.real) && !input.folder) {
                throw new UserError(option + ": it would overwrite " + input.what + " " + shown(input)
                        + "; nothing written: choose another " + (input.folder ? "folder" : "file"));
            }
            if (input.folder && real.startsWith(input.real)) {
                throw new UserError(option + ": it would write into " + input.what + " " + shown(input)
                        + ", which migkb reads; nothing written: choose a file outside it");
            }
        }
    }
}
