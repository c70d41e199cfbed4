package io.migkb.api;

import java.util.List;
import java.util.stream.Collectors;

/** A waivers file cannot be used: missing, or malformed. Every problem is located (file, line, column, field). */
public final class InvalidWaiversException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    InvalidWaiversException(String file, List<Problem> problems, Throwable cause) {
        super("waivers file " + file + " cannot be used:\n"
                + problems.stream().map(Problem::format).collect(Collectors.joining("\n")), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
