package io.migkb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Named pipes for tests, made with mkfifo in a temporary folder (never the machine's own devices). */
final class Fifos {
    private Fifos() {
    }

    static void make(Path fifo) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo works here");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Reads everything written to a FIFO, on a thread of its own; {@link #finish} ends it. */
    static Reader read(Path fifo) {
        CompletableFuture<String> text = new CompletableFuture<>();
        daemon(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("failed: " + e);
            }
        });
        return new Reader(fifo, text);
    }

    /** Threads of their own: a FIFO's open blocks until the other end comes, which would starve a shared pool. */
    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "fifo");
        t.setDaemon(true);
        t.start();
    }

    record Reader(Path fifo, CompletableFuture<String> text) {
        /** What was read; a writer that never came is stood in for by an empty one, so the reader ends. */
        String finish() throws Exception {
            if (!text.isDone()) {
                daemon(() -> {
                    try (OutputStream unblock = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                        unblock.flush();
                    } catch (IOException e) {
                        // Nothing to unblock.
                    }
                });
            }
            return text.get(30, TimeUnit.SECONDS);
        }
    }
}
