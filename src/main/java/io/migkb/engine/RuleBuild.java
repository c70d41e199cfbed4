package io.migkb.engine;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Compiles rules on a thread of their own, so that a caller can read its inventory meanwhile: compiling takes a
 * second or more and reading is single-threaded, so on two cores the two overlap almost entirely.
 * {@link #await} gives the rules, or the compile errors exactly as {@link RuleCompiler#compile} would throw them.
 */
public final class RuleBuild {
    private final CompletableFuture<CompiledRules> result = new CompletableFuture<>();
    private volatile long nanos;

    private RuleBuild() {
    }

    public static RuleBuild start(RuleFiles files) {
        Objects.requireNonNull(files, "files");
        RuleBuild build = new RuleBuild();
        Thread thread = new Thread(() -> build.run(files), "migkb-rule-build");
        // A build nobody waits for any more (the inventory was bad) must not keep the JVM alive.
        thread.setDaemon(true);
        thread.start();
        return build;
    }

    /** A build that failed before it started (the folders could not be laid over each other), for {@link #await}. */
    public static RuleBuild failed(RuleBuildException e) {
        RuleBuild build = new RuleBuild();
        build.result.completeExceptionally(e);
        return build;
    }

    private void run(RuleFiles files) {
        long start = System.nanoTime();
        try {
            CompiledRules rules = RuleCompiler.compile(files);
            nanos = System.nanoTime() - start;
            result.complete(rules);
        } catch (Throwable t) {
            nanos = System.nanoTime() - start;
            result.completeExceptionally(t);
        }
    }

    /** Waits for the build: the rules, or what stopped them. */
    public CompiledRules await() throws RuleBuildException, InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuleBuildException rbe) {
                throw rbe;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** How long the build itself took, once {@link #await} has returned. */
    public long nanos() {
        return nanos;
    }
}
