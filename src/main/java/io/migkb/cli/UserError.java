package io.migkb.cli;

/** Something the user can fix; its message says what and how. Exit code 2. */
final class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
