package io.migkb.fuzz;

import static io.migkb.fuzz.ReaderFuzzTest.readEndsCleanly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migkb.inventory.InventoryException;
import io.migkb.inventory.InventoryReaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Inputs built to hurt a parser: each is read or refused with a clear error, never a crash. */
class HostileInputTest {
    private static byte[] contoso() throws Exception {
        return Files.readAllBytes(Path.of("examples/contoso.json"));
    }

    @Test
    void tenMegabytesOnOneLine() throws Exception {
        StringBuilder json = new StringBuilder(11 << 20);
        json.append("{\"organization\":\"").append("x".repeat(10 << 20)).append("\",\"pools\":[],\"users\":[]}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        readEndsCleanly("json", bytes);
        // A valid file squeezed onto one line reads as usual.
        String oneLine = new String(contoso(), StandardCharsets.UTF_8).replaceAll("\\s*\\R\\s*", " ");
        assertThat(InventoryReaders.forFormat("json").read(new ByteArrayInputStream(
                oneLine.getBytes(StandardCharsets.UTF_8)), "one-line.json").getMeetings()).hasSize(6);
    }

    @Test
    void tenThousandLevelsOfNestingAreRefusedCleanly() throws Exception {
        String deep = "{\"organization\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> InventoryReaders.forFormat("json").read(
                new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)), "deep.json"))
                .isInstanceOfSatisfying(InventoryException.class, ReaderFuzzTest::assertLocated);
        String deepObjects = "{\"plan\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        readEndsCleanly("json", deepObjects.getBytes(StandardCharsets.UTF_8));
        String deepYaml = "plan: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        readEndsCleanly("yaml", deepYaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedCleanly() throws Exception {
        byte[] latin1 = new String(contoso(), StandardCharsets.UTF_8).replace("contoso.com\"", "contosö.com\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> InventoryReaders.forFormat("json").read(new ByteArrayInputStream(latin1), "latin1.json"))
                .isInstanceOfSatisfying(InventoryException.class, ReaderFuzzTest::assertLocated);
        readEndsCleanly("yaml", latin1);
        byte[] broken = contoso();
        broken[100] = (byte) 0xC3;
        broken[101] = (byte) 0x28; // an invalid two-byte sequence
        readEndsCleanly("json", broken);
        readEndsCleanly("yaml", broken);
    }
}
