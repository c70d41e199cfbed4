package io.migkb.report;

import java.io.IOException;
import java.io.OutputStream;

/** One output format. A new format is one new class registered in {@link ReportWriters}. */
public interface ReportWriter {
    /** The name given to {@code --format}. */
    String format();

    /** The usual file extension, without the dot. */
    String extension();

    /** Writes the whole report; does not close {@code out}. */
    void write(Report report, OutputStream out) throws IOException;
}
