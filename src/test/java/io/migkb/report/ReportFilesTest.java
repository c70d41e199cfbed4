package io.migkb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written together or not at all, never over a link or a special file, with no temporary left behind. */
class ReportFilesTest {
    @TempDir
    Path dir;

    private static ReportFiles.Target text(Path path, String content) {
        return new ReportFiles.Target(path, out -> out.write(content.getBytes()));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDiskThatFillsUpOnTheSecondOfThreeFilesReplacesNone() throws IOException {
        Files.writeString(dir.resolve("r.json"), "old json");
        Files.writeString(dir.resolve("r.html"), "old html");
        ReportFiles.Target full = new ReportFiles.Target(dir.resolve("r.html"), out -> {
            out.write(new byte[4096]);
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> ReportFiles.writeAll(List.of(text(dir.resolve("r.json"), "new json"), full,
                text(dir.resolve("r.sarif"), "new sarif"))))
                .isInstanceOf(ReportFiles.WriteException.class)
                .hasMessageContaining("r.html").hasMessageContaining("No space left on device")
                .hasMessageContaining("nothing replaced");
        assertThat(dir.resolve("r.json")).hasContent("old json");
        assertThat(dir.resolve("r.html")).hasContent("old html");
        assertThat(names()).containsExactly("r.html", "r.json");
    }

    @Test
    void aLinkIsFollowedThroughAChainAndStaysALink() throws IOException {
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/target.json"), "old");
        Files.createSymbolicLink(dir.resolve("middle.json"), Path.of("reports/target.json"));
        Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("middle.json"));

        ReportFiles.writeAtomically(dir.resolve("latest.json"), out -> out.write("new".getBytes()));

        assertThat(Files.isSymbolicLink(dir.resolve("latest.json"))).isTrue();
        assertThat(Files.isSymbolicLink(dir.resolve("middle.json"))).isTrue();
        assertThat(dir.resolve("reports/target.json")).hasContent("new");
        assertThat(ReportFiles.realTarget(dir.resolve("latest.json")))
                .isEqualTo(dir.resolve("reports/target.json").toRealPath());
    }

    @Test
    void aDanglingLinkIsFollowedToTheFileItNames() throws IOException {
        Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("new/report.json"));

        ReportFiles.writeAtomically(dir.resolve("latest.json"), out -> out.write("new".getBytes()));

        assertThat(Files.isSymbolicLink(dir.resolve("latest.json"))).isTrue();
        assertThat(dir.resolve("new/report.json")).hasContent("new");
    }

    @Test
    void aTemporaryNameIsShortWhateverTheTargetName() throws IOException {
        String name = "r".repeat(250) + ".json";
        ReportFiles.writeAtomically(dir.resolve(name), out -> out.write("x".getBytes()));
        assertThat(names()).containsExactly(name);
    }

    @Test
    void onlyStaleTemporariesOfMigkbsOwnNamingAreRemoved() throws IOException {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        for (String name : List.of(".migkb-2147483647-abc.tmp", ".migkb-" + self + "-abc.tmp",
                ".migkb-" + parent + "-abc.tmp", ".r.json.k3j4h5x9.tmp", ".r.json.young123.tmp", ".notes.tmp",
                ".other.json.k3j4h5x9.tmp")) {
            Files.writeString(dir.resolve(name), "partial");
        }
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(dir.resolve(".r.json.k3j4h5x9.tmp"), old);
        Files.setLastModifiedTime(dir.resolve(".other.json.k3j4h5x9.tmp"), old);
        Files.setLastModifiedTime(dir.resolve(".notes.tmp"), old);

        ReportFiles.writeAtomically(dir.resolve("r.json"), out -> out.write("x".getBytes()));

        // Gone: a dead process's, and an old one named after this very target by an earlier migkb.
        // Kept: this process's and a running one's, a recent one, another target's, and what is not migkb's.
        assertThat(names()).containsExactlyInAnyOrder(".migkb-" + self + "-abc.tmp", ".migkb-" + parent + "-abc.tmp",
                ".r.json.young123.tmp", ".notes.tmp", ".other.json.k3j4h5x9.tmp", "r.json");
    }

    @Test
    void aFolderOrASocketKindOfTargetRefusesTheWholeSet() throws IOException {
        Files.createDirectories(dir.resolve("r.html"));
        assertThatThrownBy(() -> ReportFiles.writeAll(List.of(text(dir.resolve("r.json"), "new"),
                text(dir.resolve("r.html"), "new"))))
                .hasMessage("cannot write " + dir.resolve("r.html") + ": it is a folder; name a file (or move the"
                        + " folder away); nothing written");
        assertThat(names()).containsExactly("r.html");
    }

    @Test
    void aFailureSaysWhyNotJustWhere() {
        IOException denied = new java.nio.file.AccessDeniedException("/x/.r.json.tmp");
        assertThat(ReportFiles.reason(denied)).isEqualTo("permission denied");
        assertThat(ReportFiles.reason(new java.nio.file.FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device");
    }
}
