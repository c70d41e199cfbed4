package io.migkb.cli;

import io.migkb.engine.CompiledRules;
import io.migkb.engine.RuleBuild;
import io.migkb.engine.RuleBuildException;
import io.migkb.engine.RuleCompiler;
import io.migkb.engine.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}. Without it: the rules/ folder beside bin/migkb (the launcher passes its folder as
 * {@code migkb.home}), which is the one a consultant edits; the catalogue inside the jar serves only where no
 * such folder exists.
 */
final class RulesOption {
    static final String HOME_PROPERTY = "migkb.home";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (DRL files and decision tables). Default: rules/ beside bin/migkb, "
                    + "else the catalogue bundled in the jar.")
    Path rules;

    /** The folder to read, or null for the bundled catalogue. */
    Path folder() throws UserError {
        if (rules != null) {
            if (!Files.isDirectory(rules)) {
                throw new UserError("--rules " + rules + ": no such folder; give the folder that holds the .drl files");
            }
            return rules;
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.isDirectory(Path.of(home, "rules"))) {
            return Path.of(home, "rules");
        }
        return null;
    }

    /** The folder to read, for a command the bundled catalogue cannot serve; {@code need} says what it needs. */
    Path requiredFolder(String need) throws UserError {
        Path folder = folder();
        if (folder == null) {
            throw new UserError(need + ": give --rules DIR");
        }
        return folder;
    }

    RuleFiles files() throws UserError, IOException {
        Path folder = folder();
        return folder == null ? RuleFiles.bundled() : RuleFiles.fromFolder(folder);
    }

    CompiledRules compile() throws UserError, IOException, RuleBuildException {
        return RuleCompiler.compile(files());
    }

    /**
     * Starts compiling on a thread of its own, for a command that reads an inventory meanwhile; the caller reports
     * an inventory error before a rule error, as if it had compiled afterwards.
     */
    RuleBuild startBuild() throws UserError, IOException {
        return RuleBuild.start(files());
    }
}
