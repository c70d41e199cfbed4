package io.migkb.inventory;

import io.migkb.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InventoryReadersTest {

    @TempDir
    Path dir;

    @Test
    void readerIsChosenFromTheFileExtension() throws Exception {
        assertThat(InventoryReaders.forPath(Path.of("examples/contoso.json"))).isInstanceOf(JsonInventoryReader.class);
        assertThat(InventoryReaders.forPath(Path.of("contoso.yaml"))).isInstanceOf(YamlInventoryReader.class);
        assertThat(InventoryReaders.forPath(Path.of("CONTOSO.YML"))).isInstanceOf(YamlInventoryReader.class);
    }

    @Test
    void formatGivenByNameWinsOverTheExtension() throws Exception {
        assertThat(InventoryReaders.forPath(Path.of("inventory.txt"), "yaml")).isInstanceOf(YamlInventoryReader.class);
        assertThat(InventoryReaders.forPath(Path.of("inventory.yaml"), "JSON")).isInstanceOf(JsonInventoryReader.class);
        assertThat(InventoryReaders.forPath(Path.of("inventory.yaml"), " ")).isInstanceOf(YamlInventoryReader.class);
        assertThat(InventoryReaders.forFormat("json")).isInstanceOf(JsonInventoryReader.class);
        assertThat(InventoryReaders.formats()).containsExactly("json", "yaml", "lync-export", "csv-folder");
    }

    @Test
    void unknownExtensionIsAClearError() {
        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> InventoryReaders.forPath(Path.of("examples/contoso.xml")));

        assertThat(e.getMessage()).isEqualTo("examples/contoso.xml: cannot tell the inventory format from the file"
                + " name; name the file .json, .yaml or .yml, a folder with a Get-CsUser users.csv, a folder with"
                + " pools.csv, or give the format (json, yaml, lync-export, csv-folder)");
    }

    @Test
    void unknownFormatNameIsAClearError() {
        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> InventoryReaders.forPath(Path.of("examples/contoso.csv"), "csv"));
        assertThat(e.getMessage())
                .isEqualTo("examples/contoso.csv: unknown inventory format \"csv\"; known formats: json, yaml,"
                        + " lync-export, csv-folder");

        InventoryException noFile = catchThrowableOfType(InventoryException.class,
                () -> InventoryReaders.forFormat("xml"));
        assertThat(noFile.getMessage()).isEqualTo("unknown inventory format \"xml\"; known formats: json, yaml,"
                + " lync-export, csv-folder");
    }

    @Test
    void readsAFileInTheFormatGiven() throws Exception {
        Path file = new InventoryFiles(dir).write("inventory.txt", "pools:\n  - { fqdn: p13, version: LYNC_2013 }\n");

        assertThat(InventoryReaders.read(file, "yaml").getPlan().getTargetPool()).isEqualTo("p13");
    }

    @Test
    void aFormatThatCannotStreamSaysSo() {
        InventoryReader folderFormat = file -> {
            throw new UnsupportedOperationException();
        };

        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> folderFormat.read(new ByteArrayInputStream(new byte[0]), "export"));

        assertThat(e.getMessage()).isEqualTo("export: this inventory format cannot be read from a stream; give a path");
    }

    @Test
    void errorPrintsAsFileLineColumnFieldMessage() {
        assertThat(new InventoryError(new SourceLocation("examples/contoso.json", 12, 7), "meetings[2].organizer",
                "organizer \"x\" is not a declared user").toString())
                .isEqualTo("examples/contoso.json:12:7: meetings[2].organizer: organizer \"x\" is not a declared user");
        assertThat(new InventoryError(new SourceLocation("a.yaml", 3, 0), "plan.targetPool", "m").toString())
                .isEqualTo("a.yaml:3: plan.targetPool: m");
        assertThat(new InventoryError(new SourceLocation("a.yaml", 0, 0), null, "the file is empty").toString())
                .isEqualTo("a.yaml: the file is empty");
        assertThat(new InventoryError(null, null, "unknown format").toString()).isEqualTo("unknown format");
    }

    @Test
    void exceptionMessageListsOneErrorPerLine() {
        InventoryException e = new InventoryException(java.util.List.of(
                new InventoryError(new SourceLocation("f.json", 1, 2), "users[0].sip", "a"),
                new InventoryError(new SourceLocation("f.json", 3, 4), "users[1].sip", "b")), 1);

        assertThat(e.getMessage()).isEqualTo("f.json:1:2: users[0].sip: a\nf.json:3:4: users[1].sip: b\n"
                + "... and 1 more error (only the first 2 are listed)");
        assertThat(e.getErrorCount()).isEqualTo(3);
    }
}
