package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meetings.csv is read on a thread of its own from the start of a folder's read, while the files before it are
 * handled: what the reader reports, and in which order, must not change, and no file may stay open.
 */
class MeetingsReadAheadTest {
    @TempDir
    Path dir;

    @Test
    void aMeetingsFileReadAheadIsReportedInItsTurnAfterTheFilesBeforeIt() {
        FolderFiles files = new FolderFiles(dir)
                .write("pools.csv", "fqdn,version\npool13.contoso.com,LYNC_2013\n")
                .write("users.csv", "sip,pool,client\nalice@contoso.com,pool13.contoso.com,LYNC_2099\n")
                .write("meetings.csv", "id,organizer\nm-1,alice@contoso.com\n");
        assertThat(files.errors(new CsvFolderInventoryReader())).hasSize(2).satisfiesExactly(
                users -> assertThat(users).startsWith(files.path("users.csv") + ":2:"),
                meetings -> assertThat(meetings).startsWith(files.path("meetings.csv")
                        + ":1: Url: missing required column \"Url\""));
        assertThat(openDescriptorsOf(dir.resolve("meetings.csv"))).isZero();
    }

    @Test
    void aReadOfAnExportFolderLeavesItsMeetingsFileClosed() throws Exception {
        FolderFiles files = new FolderFiles(dir)
                .write("Get-CsService-Registrar.csv", "\"PoolFqdn\",\"Version\",\"SiteId\"\n"
                        + "\"pool13.contoso.com\",\"6\",\"Site:Redmond\"\n")
                .write("Get-CsUser.csv", "\"SipAddress\",\"RegistrarPool\",\"Enabled\"\n"
                        + "\"sip:alice@contoso.com\",\"pool13.contoso.com\",\"True\"\n")
                .write("meetings.csv", meetings(3000));
        var inventory = new LyncExportInventoryReader().read(dir);
        assertThat(inventory.getMeetings()).hasSize(3000);
        assertThat(inventory.getMeetings().get(2999).getId()).isEqualTo("m-2999");
        assertThat(openDescriptorsOf(dir.resolve("meetings.csv"))).isZero();

        // a read that fails before its turn (no Get-CsUser export) stops the reading and closes the file too
        Files.delete(dir.resolve("Get-CsUser.csv"));
        assertThat(files.errors(new LyncExportInventoryReader())).isNotEmpty();
        assertThat(openDescriptorsOf(dir.resolve("meetings.csv"))).isZero();
    }

    @Test
    void aReadingAheadNobodyTakesOverIsClosed() {
        new FolderFiles(dir).write("meetings.csv", meetings(20_000));
        CsvInputs in = new CsvInputs(dir);
        new MeetingRows(in).readAhead("meetings.csv");
        assertThat(openDescriptorsOf(dir.resolve("meetings.csv"))).isEqualTo(1);
        in.closeReadAhead();
        assertThat(openDescriptorsOf(dir.resolve("meetings.csv"))).isZero();
    }

    private static String meetings(int n) {
        StringBuilder text = new StringBuilder("\"Id\",\"Organizer\",\"Url\"\n");
        for (int i = 0; i < n; i++) {
            text.append("\"m-").append(i).append("\",\"sip:alice@contoso.com\",\"https://meet.contoso.com/alice/")
                    .append(i).append("\"\n");
        }
        return text.toString();
    }

    /** How many of this process's file descriptors are open on {@code file} (Linux's /proc; skipped elsewhere). */
    private static long openDescriptorsOf(Path file) {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
        try (Stream<Path> all = Files.list(fds)) {
            Path real = file.toRealPath();
            return all.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed while listed
                }
            }).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
