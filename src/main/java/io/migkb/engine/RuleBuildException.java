package io.migkb.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules did not compile; every problem is located in its file. */
public final class RuleBuildException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RuleBuildException(String origin, List<RuleProblem> problems) {
        super("rules in " + origin + " do not compile:\n"
                + problems.stream().map(RuleProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
