package io.migkb.cli;

import picocli.CommandLine.Option;

/** {@code --partitions N}: assess in N sessions by organizer, for inventories too large for one session's heap. */
final class PartitionsOption {
    static final int MAX = 1024;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "Assess in N Drools sessions, one per slice of organizers, then one for the partner "
                    + "summaries: much less heap and time for large inventories (e.g. 64 for a million users), the same "
                    + "findings for rules that read one user, meeting or participation, or a user with the meetings "
                    + "they organize, as the bundled catalogue's do (docs/scale.md). Up to --threads of them run at "
                    + "once. Default: 1 (bench: 64 from 500,000 users).")
    int partitions = 1;

    int value() throws UserError {
        if (partitions < 1 || partitions > MAX) {
            throw new UserError("--partitions must be between 1 and " + MAX + ", not " + partitions);
        }
        return partitions;
    }
}
