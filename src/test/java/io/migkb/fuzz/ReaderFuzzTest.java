package io.migkb.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.migkb.inventory.InventoryError;
import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReader;
import io.migkb.inventory.InventoryReaders;
import io.migkb.model.Inventory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated and random inventories thrown at every reader: each read ends with an inventory or with an
 * {@link InventoryException} carrying at least one located error (the exit 2 path), never another exception.
 */
class ReaderFuzzTest {
    private static final byte[] JSON = bytes("examples/contoso.json");
    private static final byte[] YAML = bytes("examples/contoso.yaml");
    private static Path folders;

    /** One change to a valid file: what an editor slip, a bad export or a cut-off transfer does. */
    record Mutation(int kind, int at, int length, byte[] junk) {
        byte[] apply(byte[] in) {
            int n = in.length;
            int from = Math.floorMod(at, n);
            int to = Math.min(n, from + length);
            return switch (kind) {
                case 0 -> concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, n)); // delete a span
                case 1 -> concat(Arrays.copyOfRange(in, 0, to), Arrays.copyOfRange(in, from, n)); // duplicate a span
                case 2 -> concat(Arrays.copyOfRange(in, 0, from), junk, Arrays.copyOfRange(in, to, n)); // replace
                case 3 -> Arrays.copyOfRange(in, 0, from); // truncate
                default -> concat(Arrays.copyOfRange(in, 0, from), junk, Arrays.copyOfRange(in, from, n)); // insert
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<byte[]> junk = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12),
                Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "\"x\"", "\n  - ",
                        ": ", "&a", "*a", "!!binary", "\\u0000", "\uFFFD", "𝄞", "OC/99.0", "\"meetings\"")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(1, 40), junk)
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 200)
    void mutatedJsonEndsInAnInventoryOrALocatedError(@ForAll("mutations") List<Mutation> changes) {
        readEndsCleanly("json", mutate(JSON, changes));
    }

    @Property(tries = 200)
    void mutatedYamlEndsInAnInventoryOrALocatedError(@ForAll("mutations") List<Mutation> changes) {
        readEndsCleanly("yaml", mutate(YAML, changes));
    }

    @Property(tries = 100)
    void randomBytesEndInAnInventoryOrALocatedError(@ForAll byte[] random) {
        readEndsCleanly("json", random);
        readEndsCleanly("yaml", random);
    }

    @BeforeContainer
    static void copyFolders() throws IOException {
        folders = Files.createTempDirectory("migkb-fuzz");
    }

    @AfterContainer
    static void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(folders)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    /** The folder readers: one file of the example folder mutated. */
    @Property(tries = 90)
    void mutatedFolderFilesEndInAnInventoryOrALocatedError(@ForAll("folderFormats") String format,
                                                           @ForAll("mutations") List<Mutation> changes,
                                                           @ForAll("fileChoice") int choice) throws IOException {
        Path source = Path.of(switch (format) {
            case "csv-folder" -> "examples/contoso-csv";
            case "lync-export" -> "examples/contoso-lync-export";
            default -> "examples/litware-exports"; // the exports as the cmdlets write them, recognised by content
        });
        format = format.equals("csv-folder") ? format : "lync-export";
        Path copy = Files.createTempDirectory(folders, format);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(source)) {
            list.sorted().forEach(files::add);
        }
        for (Path f : files) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        Path victim = copy.resolve(files.get(choice % files.size()).getFileName());
        Files.write(victim, mutate(Files.readAllBytes(victim), changes));
        try {
            Inventory inv = InventoryReaders.read(copy, format);
            assertThat(inv).isNotNull();
        } catch (InventoryException e) {
            assertLocated(e);
        }
    }

    @Provide
    Arbitrary<String> folderFormats() {
        return Arbitraries.of("csv-folder", "lync-export", "customer-exports");
    }

    @Provide
    Arbitrary<Integer> fileChoice() {
        return Arbitraries.integers().between(0, 100);
    }

    static void readEndsCleanly(String format, byte[] content) {
        try {
            InventoryReader reader = InventoryReaders.forFormat(format);
            Inventory inv = reader.read(new ByteArrayInputStream(content), "fuzz." + format);
            assertThat(inv).isNotNull();
        } catch (InventoryException e) {
            assertLocated(e);
        } catch (RuntimeException | StackOverflowError e) {
            fail("the " + format + " reader threw " + e + " instead of an InventoryException", e);
        }
    }

    static void assertLocated(InventoryException e) {
        assertThat(e.getErrors()).isNotEmpty();
        for (InventoryError error : e.getErrors()) {
            assertThat(error.location()).as("location of %s", error).isNotNull();
            assertThat(error.location().file()).isNotBlank();
            assertThat(error.message()).isNotBlank();
        }
    }

    static byte[] mutate(byte[] in, List<Mutation> changes) {
        byte[] out = in;
        for (Mutation m : changes) {
            if (out.length == 0) {
                break;
            }
            out = m.apply(out);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
