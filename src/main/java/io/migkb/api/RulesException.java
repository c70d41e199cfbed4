package io.migkb.api;

import java.util.List;
import java.util.stream.Collectors;

/** The rules cannot be used: a rule file or decision table does not compile, or the rules folder is missing. */
public final class RulesException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    RulesException(String origin, List<Problem> problems, Throwable cause) {
        super("rules in " + origin + " cannot be used:\n"
                + problems.stream().map(Problem::format).collect(Collectors.joining("\n")), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each located in its file (a decision table's: sheet, row and cell). */
    public List<Problem> problems() {
        return problems;
    }
}
