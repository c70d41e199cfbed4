package io.migkb.generate;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The sinks write from {@link InventorySink}'s methods, which declare no exception: an I/O failure goes unchecked. */
final class Unchecked {
    private Unchecked() {
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
