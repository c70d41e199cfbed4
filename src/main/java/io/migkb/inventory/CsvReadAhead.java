package io.migkb.inventory;

import io.migkb.inventory.CsvFile.SyntaxException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The records of a {@link CsvFile} read on a thread of its own, ahead of their handling, so that reading a large
 * file and handling its rows overlap (docs/performance.md, "Reading customer exports"). Records go over in chunks
 * through a queue: a few thousand ahead, or as far as a budget of memory allows. What stops the reading (the end,
 * a syntax error, a failed read) comes out of {@link #next()} in its place, after the records before it.
 */
final class CsvReadAhead {
    /** A record as the reading thread hands it over; {@code lines} null: all its values start on its line. */
    record Record(String[] values, int[] lines, int[] columns, int recordLine, Object prepared) {
    }

    /** The file's parser, called on the reading thread. */
    interface Source {
        /** The next record that has a value, or null at the end of the file. */
        Record parse() throws IOException, SyntaxException;
    }

    private static final int CHUNK = 1024;
    private static final int CHUNKS_AHEAD = 16;
    private static final Record[] END = new Record[0];

    /** Records handed over at once, and the KB of the budget they hold (0: none). */
    private record Chunk(Record[] records, int kb) {
    }

    private final Source source;
    private final String file;
    /** Chunks, then END or the exception that stopped the reading. */
    private final BlockingQueue<Object> chunks;
    /** The KB the chunks waiting may still take; null: {@link #CHUNKS_AHEAD} chunks at most. */
    private final Semaphore budget;
    private final int budgetKb;
    private final Thread thread;
    private volatile boolean closing;
    private Record[] chunk;
    private int inChunk;

    /**
     * Starts reading {@code source} ({@code file} names it in messages): {@code budgetBytes} ahead (an estimate of
     * what the records waiting hold), or, when 0, a few thousand records ahead.
     */
    CsvReadAhead(Source source, String file, long budgetBytes) {
        this.source = source;
        this.file = file;
        if (budgetBytes > 0) {
            budgetKb = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetBytes >> 10));
            budget = new Semaphore(budgetKb);
            chunks = new LinkedBlockingQueue<>();
        } else {
            budgetKb = 0;
            budget = null;
            chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        }
        thread = new Thread(this::readAll, "migkb-csv-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next record, or null at the end of the file; throws what stopped the reading, once, in its place. */
    Record next() throws IOException, SyntaxException {
        while (chunk == null || inChunk == chunk.length) {
            if (chunk == END) {
                return null;
            }
            Object next;
            try {
                next = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + file);
            }
            inChunk = 0;
            if (next instanceof Chunk taken) {
                if (taken.kb() > 0) {
                    budget.release(taken.kb());
                }
                chunk = taken.records();
                continue;
            }
            chunk = END; // the reading thread has stopped: later calls find the end, not an empty queue
            if (next instanceof SyntaxException e) {
                throw new SyntaxException(e.line, e.column, e.getMessage());
            }
            if (next instanceof IOException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (next instanceof RuntimeException e) {
                throw new IllegalStateException("reading " + file + " failed", e);
            }
        }
        return chunk[inChunk++];
    }

    /** Stops the reading thread and waits for it. */
    void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() {
        try {
            List<Record> batch = new ArrayList<>(CHUNK);
            long bytes = 0;
            try {
                Record r;
                while (!closing && (r = source.parse()) != null) {
                    batch.add(r);
                    if (budget != null) {
                        bytes += estimatedBytes(r);
                    }
                    if (batch.size() == CHUNK) {
                        handOver(batch, bytes);
                        bytes = 0;
                    }
                }
                handOver(batch, bytes);
                chunks.put(END);
            } catch (IOException | SyntaxException | RuntimeException e) {
                handOver(batch, bytes);
                chunks.put(e);
            }
        } catch (InterruptedException e) {
            // closed before the end: nobody waits for the rest
        }
    }

    /** Puts the records read into the queue, within the budget (waiting for room if need be). */
    private void handOver(List<Record> batch, long bytes) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        int kb = budget == null ? 0 : (int) Math.min(budgetKb, Math.max(1, bytes >> 10));
        if (kb > 0) {
            budget.acquire(kb);
        }
        chunks.put(new Chunk(batch.toArray(new Record[0]), kb));
        batch.clear();
    }

    /** What a record waiting holds, about: its strings, arrays and record, and what was prepared of it. */
    private static long estimatedBytes(Record r) {
        long bytes = 160 + 12L * r.values().length;
        for (String v : r.values()) {
            bytes += 48 + v.length();
        }
        return bytes;
    }
}
