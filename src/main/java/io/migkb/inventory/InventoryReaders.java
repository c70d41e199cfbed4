package io.migkb.inventory;

import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The inventory formats migkb reads: picks a reader by format name ({@code --input-format}) or from the file
 * name. A new format is one {@link InventoryReader} class plus one line in {@link #FORMATS}.
 */
public final class InventoryReaders {

    /** A format: its name, how its files look (for messages), how to recognise one, and its reader. */
    private record Format(String name, String files, Predicate<Path> recognizes, Supplier<InventoryReader> reader) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("json", ".json", extension(".json"), JsonInventoryReader::new),
            new Format("yaml", ".yaml or .yml", extension(".yaml", ".yml"), YamlInventoryReader::new),
            new Format("lync-export", "a folder with a Get-CsUser users.csv",
                    LyncExportInventoryReader::recognizes, LyncExportInventoryReader::new),
            new Format("csv-folder", "a folder with pools.csv", CsvFolderInventoryReader::recognizes,
                    CsvFolderInventoryReader::new));

    private InventoryReaders() {
    }

    private static Predicate<Path> extension(String... extensions) {
        return path -> {
            Path name = path.getFileName();
            if (name == null) {
                return false;
            }
            String lower = name.toString().toLowerCase(Locale.ROOT);
            for (String extension : extensions) {
                if (lower.endsWith(extension)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The names of the formats, e.g. {@code [json, yaml]}. */
    public static List<String> formats() {
        return FORMATS.stream().map(Format::name).toList();
    }

    /** The reader of a format given by name (case ignored). */
    public static InventoryReader forFormat(String format) throws InventoryException {
        return byName(format, null);
    }

    /** The reader for a file, from its name: {@code .json}, {@code .yaml} or {@code .yml}. */
    public static InventoryReader forPath(Path file) throws InventoryException {
        return forPath(file, null);
    }

    /** The reader of {@code format} when given (not null or blank), else the one the file name calls for. */
    public static InventoryReader forPath(Path file, String format) throws InventoryException {
        if (format != null && !format.isBlank()) {
            return byName(format, file);
        }
        for (Format f : FORMATS) {
            if (f.recognizes().test(file)) {
                return f.reader().get();
            }
        }
        throw new InventoryException(new InventoryError(new SourceLocation(file.toString(), 0, 0), null,
                "cannot tell the inventory format from the file name; name the file "
                        + FORMATS.stream().map(Format::files).collect(Collectors.joining(", ", "", ""))
                        + ", or give the format (" + String.join(", ", formats()) + ")"));
    }

    /**
     * As {@link #forPath(Path, String)}, for an assessment on the day {@code asOf} (null: today): the day before which
     * a customer export's scheduled meetings count as past.
     */
    public static InventoryReader forPath(Path file, String format, LocalDate asOf) throws InventoryException {
        InventoryReader reader = forPath(file, format);
        return asOf != null && reader instanceof LyncExportInventoryReader ? new LyncExportInventoryReader(asOf) : reader;
    }

    /** Reads {@code file} as {@link #forPath(Path, String, LocalDate)} reads it. */
    public static Inventory read(Path file, String format, LocalDate asOf) throws InventoryException {
        return forPath(file, format, asOf).read(file);
    }

    /** Reads {@code file} in the format given, or (when {@code format} is null or blank) the one its name calls for. */
    public static Inventory read(Path file, String format) throws InventoryException {
        return forPath(file, format).read(file);
    }

    /** Reads {@code file} in the format its name calls for. */
    public static Inventory read(Path file) throws InventoryException {
        return read(file, null);
    }

    private static InventoryReader byName(String format, Path file) throws InventoryException {
        String wanted = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        for (Format f : FORMATS) {
            if (f.name().equals(wanted)) {
                return f.reader().get();
            }
        }
        SourceLocation at = file == null ? null : new SourceLocation(file.toString(), 0, 0);
        throw new InventoryException(new InventoryError(at, null, "unknown inventory format \"" + format
                + "\"; known formats: " + String.join(", ", formats())));
    }
}
