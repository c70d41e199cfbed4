package io.migkb.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The catalogue in rules/ on disk, as a consultant's run reads it, compiled once per test JVM. */
public final class TestRules {
    public static final Path RULES_FOLDER = Path.of("rules");

    private static CompiledRules compiled;

    private TestRules() {
    }

    public static synchronized CompiledRules catalogue() {
        if (compiled == null) {
            try {
                compiled = RuleCompiler.compile(RuleFiles.fromFolder(RULES_FOLDER));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuleBuildException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return compiled;
    }

    public static Assessor assessor() {
        return new Assessor(catalogue());
    }
}
