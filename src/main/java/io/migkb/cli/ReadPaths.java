package io.migkb.cli;

import io.migkb.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every file and folder a command reads (inventory, waivers, rules), by real path after symbolic links, so that no
 * report, plan or generated file is ever written over one of them, nor where migkb would read it as an input.
 */
final class ReadPaths {
    /** The files a folder inventory reads, or would read were they there: its own files, every export, calendars. */
    private static final Set<String> FOLDER_INPUT_EXTENSIONS = Set.of("csv", "ics", "yaml", "yml");

    private enum Kind { FILE, INVENTORY_FOLDER, RULES_FOLDER }

    private record Input(String what, Path given, Path real, Kind kind) {
    }

    private final List<Input> inputs = new ArrayList<>();

    /** Adds an input; {@code what} names it in the refusal ("the inventory", "the waivers file"). Null is skipped. */
    private ReadPaths add(String what, Path path, Kind folderKind) {
        if (path == null) {
            return this;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path.toAbsolutePath().normalize();
        }
        inputs.add(new Input(what, path, real, Files.isDirectory(real) ? folderKind : Kind.FILE));
        return this;
    }

    /** The inputs of assess and plan: the inventory, the waivers file, every rules folder (none when bundled). */
    static ReadPaths of(Path inventory, WaiverOption waivers, RulesOption rules) throws UserError {
        ReadPaths paths = new ReadPaths().add("the inventory", inventory, Kind.INVENTORY_FOLDER)
                .add("the waivers file", waivers.file, Kind.FILE);
        for (Path folder : rules.folders()) {
            paths.add("the rules folder", folder, Kind.RULES_FOLDER);
        }
        return paths;
    }

    /**
     * Refuses, with exit 2, a write of {@code target} (given as {@code option}) that would replace an input, land in
     * the rules folder, or land in a folder inventory as a file it reads (a .csv, .ics or .yaml beside the exports).
     */
    void refuseOverwrite(String option, Path target) throws UserError {
        refuse(option, target, false);
    }

    /** As {@link #refuseOverwrite}, for a folder to write several files into: no folder migkb reads at all. */
    void refuseFolder(String option, Path folder) throws UserError {
        refuse(option, folder, true);
    }

    private void refuse(String option, Path target, boolean isFolder) throws UserError {
        Path real;
        try {
            real = ReportFiles.realTarget(target);
        } catch (IOException e) {
            throw new UserError(option + ": cannot tell where it leads (" + ReportFiles.reason(e) + ")");
        }
        for (Input input : inputs) {
            boolean refused = switch (input.kind) {
                case FILE -> real.equals(input.real);
                case RULES_FOLDER -> real.startsWith(input.real);
                case INVENTORY_FOLDER -> isFolder ? real.startsWith(input.real)
                        : real.equals(input.real) || (input.real.equals(real.getParent()) && readsName(real));
            };
            if (!refused) {
                continue;
            }
            if (input.kind == Kind.FILE) {
                throw new UserError(option + ": it would overwrite " + input.what + " " + shown(input)
                        + "; nothing written: choose another file");
            }
            throw new UserError(option + ": it would write into " + input.what + " " + shown(input)
                    + (isFolder || input.kind == Kind.RULES_FOLDER ? ", which migkb reads"
                    : ", where migkb reads every ." + extension(real) + " file as an input")
                    + "; nothing written: choose " + (isFolder ? "a folder" : "a file") + " outside it");
        }
    }

    private static boolean readsName(Path file) {
        return FOLDER_INPUT_EXTENSIONS.contains(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** "base.json", or "link.json (/work/base.json)" when the name given is a link. */
    private static String shown(Input input) {
        return input.real.equals(input.given.toAbsolutePath().normalize()) ? input.given.toString()
                : input.given + " (" + input.real + ")";
    }
}
