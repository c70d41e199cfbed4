package io.migkb.cli;

import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleBuild;
import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleCompiler;
import io.migkb.engine.RuleFiles;
import io.migkb.engine.RuleLayers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}, repeatable. The first folder is the base: without any, the rules/ folder beside bin/migkb
 * (the launcher passes its folder as {@code migkb.home}), else the catalogue inside the jar. Each later folder is
 * laid over the ones before it ({@link RuleLayers}): a customer's rules, kept apart from the catalogue.
 */
final class RulesOption {
    static final String HOME_PROPERTY = "migkb.home";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (DRL files and decision tables). Default: rules/ beside bin/migkb, else the"
                    + " catalogue bundled in the jar. Repeat it to lay your own folder over the catalogue"
                    + " (--rules rules --rules my-rules): a rule of a later folder adds a rule, or replaces the one"
                    + " of its @id; its " + RuleFiles.DISABLE_LIST + " lists ids to disable.")
    List<Path> rules;

    /** The folders to read, base first; empty for the bundled catalogue. */
    List<Path> folders() throws UserError {
        if (rules != null && !rules.isEmpty()) {
            List<Path> folders = new ArrayList<>();
            for (Path folder : rules) {
                if (!Files.isDirectory(folder)) {
                    throw new UserError("--rules " + folder + ": no such folder; give the folder that holds the .drl"
                            + " files");
                }
                for (Path earlier : folders) {
                    refuseNested(earlier, folder);
                }
                folders.add(folder);
            }
            return folders;
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.isDirectory(Path.of(home, "rules"))) {
            return List.of(Path.of(home, "rules"));
        }
        return List.of();
    }

    /** A folder inside another is read with it: its rules would count twice. */
    private static void refuseNested(Path a, Path b) throws UserError {
        Path realA = real(a);
        Path realB = real(b);
        if (realA.startsWith(realB) || realB.startsWith(realA)) {
            throw new UserError("--rules " + b + ": " + (realA.equals(realB) ? "given twice"
                    : "one of --rules " + a + " and --rules " + b + " lies inside the other, whose rules it reads")
                    + "; keep your own rules in a folder beside the catalogue's, not in it");
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The base folder, or null for the bundled catalogue. */
    Path folder() throws UserError {
        List<Path> folders = folders();
        return folders.isEmpty() ? null : folders.get(0);
    }

    /**
     * The folder a command that reads scenarios or watches takes: the only one, or the last (the customer's own),
     * or null for the bundled catalogue.
     */
    Path ownFolder() throws UserError {
        List<Path> folders = folders();
        return folders.isEmpty() ? null : folders.get(folders.size() - 1);
    }

    /** The own folder, for a command the bundled catalogue cannot serve; {@code need} says what it needs. */
    Path requiredFolder(String need) throws UserError {
        Path folder = ownFolder();
        if (folder == null) {
            throw new UserError(need + ": give --rules DIR");
        }
        return folder;
    }

    /** Every folder's rule files, laid over each other; the bundled catalogue when no folder is given. */
    RuleFiles files() throws UserError, IOException, RuleBuildException {
        List<Path> folders = folders();
        return folders.isEmpty() ? RuleFiles.bundled() : RuleLayers.read(folders);
    }

    CompiledRules compile() throws UserError, IOException, RuleBuildException {
        return RuleCompiler.compile(files());
    }

    /**
     * Starts compiling on a thread of its own, for a command that reads an inventory meanwhile; the caller reports
     * an inventory error before a rule error, as if it had compiled afterwards.
     */
    RuleBuild startBuild() throws UserError, IOException {
        RuleFiles files;
        try {
            files = files();
        } catch (RuleBuildException e) {
            return RuleBuild.failed(e);
        }
        return RuleBuild.start(files);
    }
}
