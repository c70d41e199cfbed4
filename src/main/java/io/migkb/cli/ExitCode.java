package io.migkb.cli;

/** migkb's exit codes (README.md): 0 clean, 1 findings at or above --fail-on, 2 bad input or bad rules. */
final class ExitCode {
    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
