package io.migkb.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;

/**
 * Standard output, where a failed write is an error: a {@link PrintStream} swallows its errors, so every write of a
 * report is checked, and the command line checks once more before it exits (exit 2, with the reason).
 */
final class StandardOutput {
    /** The last failure of the process's own standard output, which a PrintStream would not tell. */
    private static volatile IOException lastFailure;

    private StandardOutput() {
    }

    /** {@code --out -}: standard output. */
    static boolean isDash(Path path) {
        return path != null && path.toString().equals("-");
    }

    /** Installs, for the process, a System.out like the JDK's that keeps the reason of a failed write. */
    static void install() {
        OutputStream fd = new FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    lastFailure = e;
                    throw e;
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    lastFailure = e;
                    throw e;
                }
            }
        };
        String encoding = System.getProperty("sun.stdout.encoding");
        PrintStream stream;
        try {
            stream = encoding == null ? new PrintStream(new BufferedOutputStream(fd, 1 << 13), true)
                    : new PrintStream(new BufferedOutputStream(fd, 1 << 13), true, encoding);
        } catch (UnsupportedEncodingException e) {
            stream = new PrintStream(new BufferedOutputStream(fd, 1 << 13), true);
        }
        System.setOut(stream);
    }

    /** A stream to write a report to {@code out}: a write that fails throws, with the reason where known. */
    static OutputStream checked(PrintStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                check(out);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                check(out);
            }

            @Override
            public void flush() throws IOException {
                check(out);
            }
        };
    }

    /** Throws when {@code out} has failed (checkError also flushes it). */
    static void check(PrintStream out) throws IOException {
        if (out.checkError()) {
            throw new IOException(failure());
        }
    }

    /** "cannot write to standard output: No space left on device". */
    static String failure() {
        IOException e = lastFailure;
        String reason = e == null || e.getMessage() == null ? "the write failed (a full disk, or a reader that went away)"
                : e.getMessage();
        return "cannot write to standard output: " + reason;
    }
}
