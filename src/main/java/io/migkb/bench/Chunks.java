package io.migkb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Splits {@code 0..size} into contiguous runs, one per thread, and gives what each made, in order. */
final class Chunks {
    /** Work on positions {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Chunk<T> {
        T run(int from, int to);
    }

    private Chunks() {
    }

    /** On the calling thread when {@code threads} is 1; otherwise on {@code threads} threads made for the call. */
    static <T> List<T> run(int threads, int size, Chunk<T> chunk) {
        if (threads == 1) {
            return List.of(chunk.run(0, size));
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "migkb-plain-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<T>> tasks = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int from = (int) ((long) size * i / threads);
                int to = (int) ((long) size * (i + 1) / threads);
                tasks.add(() -> chunk.run(from, to));
            }
            List<T> made = new ArrayList<>(threads);
            for (Future<T> f : pool.invokeAll(tasks)) {
                made.add(f.get());
            }
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
