package io.migkb.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.migkb.model.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders the elements of a JSON report's findings array in blocks on other threads while the calling one writes
 * the finished ones in order, byte for byte what one generator writes: serializing 2.3M findings (1.1 GB) was 3.3–4.7 s of a
 * million-user assessment. A few blocks are in flight at a time, never the whole report.
 *
 * <p>Each block is rendered as a whole document ({@code {"findings" : [ ... ]}}) by a generator configured as the
 * report's, and its array's contents are cut out; the separator between two elements is learnt the same way.
 */
final class JsonFindingBlocks {
    /** Below this many findings one generator writes them all. */
    static final int PARALLEL_FROM = 50_000;
    private static final int BLOCK = 5_000;

    /** Writes one finding as an element of the findings array. */
    @FunctionalInterface
    interface FindingWriter {
        void write(JsonGenerator json, Finding finding) throws IOException;
    }

    private JsonFindingBlocks() {
    }

    /**
     * Writes {@code findings} to {@code out} as the elements following at least one already written by the report's
     * generator (which must be flushed), each preceded by the separator.
     */
    static void write(List<Finding> findings, FindingWriter element, JsonFactory factory, OutputStream out)
            throws IOException {
        if (findings.isEmpty()) {
            return;
        }
        byte[] separator = separator(findings.get(0), element, factory);
        // Rendering is the work, writing the bytes out is little: as many renderers as cores (up to 4), this thread
        // writing what they finish in order, two blocks a renderer ahead at most.
        int renderers = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        int inFlight = 2 * renderers;
        ExecutorService renderer = Executors.newFixedThreadPool(renderers, r -> {
            Thread t = new Thread(r, "migkb-json-blocks");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<byte[]>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < findings.size() || !pending.isEmpty()) {
                while (next < findings.size() && pending.size() < inFlight) {
                    List<Finding> block = findings.subList(next, Math.min(findings.size(), next + BLOCK));
                    pending.add(renderer.submit(() -> elements(block, element, factory)));
                    next += block.size();
                }
                byte[] rendered = await(pending.poll());
                out.write(separator);
                out.write(rendered);
            }
        } finally {
            renderer.shutdownNow();
        }
    }

    private static byte[] await(Future<byte[]> block) throws IOException {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the findings", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("could not render the findings: " + e.getCause(), e.getCause());
        }
    }

    /** The bytes between two elements, as the report's generator writes them. */
    private static byte[] separator(Finding sample, FindingWriter element, JsonFactory factory) {
        byte[] one = elements(List.of(sample), element, factory);
        byte[] two = elements(List.of(sample, sample), element, factory);
        return Arrays.copyOfRange(two, one.length, two.length - one.length);
    }

    /** The findings as the contents of a findings array: from the first element's start to the last one's end. */
    private static byte[] elements(List<Finding> block, FindingWriter element, JsonFactory factory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(block.size() * 600);
        try (JsonGenerator json = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("findings");
            for (Finding f : block) {
                element.write(json, f);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] doc = bytes.toByteArray();
        // The array opens at the document's first '[' (the field name has none) and closes at its last ']' (only
        // the root object's end follows); the elements are what lies between, less the printer's spaces.
        int from = indexOf(doc, (byte) '[') + 1;
        while (doc[from] != '{') {
            from++;
        }
        int to = lastIndexOf(doc, (byte) ']');
        while (doc[to - 1] != '}') {
            to--;
        }
        return Arrays.copyOfRange(doc, from, to);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("no '" + (char) b + "' in a rendered block");
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("no '" + (char) b + "' in a rendered block");
    }
}
