package io.migkb.cli;

import java.util.function.IntUnaryOperator;
import picocli.CommandLine.Option;

/** {@code --threads T}: run up to T of the {@code --partitions} sessions at once, each on a thread of its own. */
final class ThreadsOption {
    static final int MAX = 64;

    @Option(names = "--threads", paramLabel = "T",
            description = "Run up to T of the --partitions sessions at once, each on a thread of its own (1 to " + MAX
                    + "): faster on a machine with that many cores, the same findings, but T sessions' heap at once; "
                    + "the guard rails hold for the whole assessment. Needs --partitions above 1. Default: 1 with one "
                    + "partition, otherwise the smaller of --partitions and the number of cores.")
    Integer threads;

    /** The threads to use with {@code partitions}; checked against them. */
    int value(int partitions) throws UserError {
        if (threads == null) {
            return defaultFor(partitions);
        }
        if (threads < 1 || threads > MAX) {
            throw new UserError("--threads must be between 1 and " + MAX + ", not " + threads);
        }
        if (threads > 1 && partitions == 1) {
            throw new UserError("--threads " + threads + " needs --partitions N with N above 1: threads run the "
                    + "partitions' sessions, and one session runs on one thread");
        }
        return Math.min(threads, partitions);
    }

    /** The threads that would be used with any number of partitions: for advice on how many partitions fit the heap. */
    IntUnaryOperator forPartitions() {
        return p -> threads == null ? defaultFor(p) : Math.max(1, Math.min(threads, p));
    }

    /** More threads than partitions would have nothing to do, more than cores would wait for one. */
    static int defaultFor(int partitions) {
        return partitions == 1 ? 1 : Math.min(partitions, Math.min(MAX, Runtime.getRuntime().availableProcessors()));
    }
}
