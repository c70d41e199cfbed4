package io.migkb.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The output formats migkb knows, by name. */
public final class ReportWriters {
    private static final Map<String, Supplier<ReportWriter>> WRITERS = new LinkedHashMap<>();

    static {
        register(TableWriter::new);
        register(JsonWriter::new);
        register(CsvWriter::new);
        register(MarkdownWriter::new);
        register(HtmlWriter::new);
        register(JunitWriter::new);
        register(SarifWriter::new);
    }

    private ReportWriters() {
    }

    private static void register(Supplier<ReportWriter> writer) {
        WRITERS.put(writer.get().format(), writer);
    }

    public static List<String> formats() {
        return List.copyOf(WRITERS.keySet());
    }

    public static Optional<ReportWriter> forFormat(String format) {
        Supplier<ReportWriter> writer = WRITERS.get(format);
        return writer == null ? Optional.empty() : Optional.of(writer.get());
    }

    /** The format a report file's extension calls for ({@code .json}: json, {@code .html}: html, …), else table. */
    public static String formatFor(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        String extension = dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
        return WRITERS.entrySet().stream()
                .filter(e -> e.getValue().get().extension().equals(extension))
                .map(Map.Entry::getKey).findFirst().orElse("table");
    }
}
