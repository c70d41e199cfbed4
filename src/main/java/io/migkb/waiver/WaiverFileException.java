package io.migkb.waiver;

import java.util.List;

/** A waivers file that cannot be used; carries every problem found (up to {@link WaiverReader#MAX_PROBLEMS}). */
public final class WaiverFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<WaiverProblem> problems;

    public WaiverFileException(String file, List<WaiverProblem> problems) {
        super(file + ": " + problems.size() + (problems.size() == 1 ? " error" : " errors") + " in the waivers file");
        this.problems = List.copyOf(problems);
    }

    public List<WaiverProblem> problems() {
        return problems;
    }
}
