package io.migkb.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.migkb.engine.Assessor;
import io.migkb.engine.TestRules;
import io.migkb.inventory.InventoryReaders;
import io.migkb.inventory.LyncExportInventoryReader;
import io.migkb.model.Finding;
import io.migkb.model.Inventory;
import io.migkb.model.Meeting;
import io.migkb.model.User;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated estate written as customer exports reads back as the same estate the JSON gives, to the finding. */
class ExportFolderSinkTest {
    @TempDir
    Path dir;

    @Test
    void theExportsOfAGeneratedEstateGiveTheSameUsersAndFindingsAsItsJson() throws Exception {
        new InventoryGenerator(3_000, 11).generate(new ExportFolderSink(dir));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new InventoryGenerator(3_000, 11).generate(new JsonInventorySink(json));

        Inventory fromExports = new LyncExportInventoryReader().read(dir);
        Inventory fromJson = InventoryReaders.forFormat("json").read(new ByteArrayInputStream(json.toByteArray()), "g.json");
        assertThat(InventoryReaders.forPath(dir)).isInstanceOf(LyncExportInventoryReader.class);
        assertThat(fromExports.getUsers()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(fromJson.getUsers());
        assertThat(fromExports.getUsers()).extracting(User::getClient).allMatch(c -> c.isKnown());
        assertThat(fromExports.getMeetings()).hasSameSizeAs(fromJson.getMeetings());
        assertThat(fromExports.getPlan()).usingRecursiveComparison().isEqualTo(fromJson.getPlan());

        Assessor assessor = TestRules.assessor();
        assertThat(sorted(assessor.assess(fromExports).findings()))
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(
                        sorted(assessor.assess(fromJson).findings()));
    }

    @Test
    void meetingsWrittenWhereLyncKeepsThemReadBackWithTheirOrganizerSchemeLockAndParticipants() throws Exception {
        new InventoryGenerator(2_000, 5).generate(new ExportFolderSink(dir, true));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new InventoryGenerator(2_000, 5).generate(new JsonInventorySink(json));
        Inventory fromSources = new LyncExportInventoryReader().read(dir);
        Inventory fromJson = InventoryReaders.forFormat("json").read(new ByteArrayInputStream(json.toByteArray()), "g.json");

        assertThat(dir.resolve("meetings.csv")).doesNotExist();
        assertThat(fromSources.getUsers()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(fromJson.getUsers());
        // known by conference id: the same meetings, each as the generator made it (but content, video, IM)
        java.util.Map<String, Meeting> byConferenceId = new java.util.HashMap<>();
        fromJson.getMeetings().forEach(m -> byConferenceId.put(MeetingSourcesWriter.conferenceId(m.getUrl()), m));
        assertThat(fromSources.getMeetings()).hasSameSizeAs(fromJson.getMeetings()).allSatisfy(m -> {
            Meeting generated = byConferenceId.get(m.getId());
            assertThat(generated).as(m.getId()).isNotNull();
            assertThat(m.getOrganizer()).isEqualTo(generated.getOrganizer());
            assertThat(m.getScheme()).as(m.getId()).isEqualTo(generated.getScheme());
            assertThat(m.isLocked()).isEqualTo(generated.isLocked());
            assertThat(m.getParticipants()).containsExactlyInAnyOrderElementsOf(generated.getParticipants());
        });
        // a Lync organizer's legacy meeting: the database says https, the calendar's link wins and both are named
        long legacyOfLyncOrganizers = fromJson.getMeetings().stream().filter(m -> m.isLegacy()
                && m.getOrganizerServerVersion() != io.migkb.model.ServerVersion.OCS_2007_R2).count();
        assertThat(legacyOfLyncOrganizers).isPositive();
        assertThat(fromSources.getSchemeConflicts()).hasSize((int) legacyOfLyncOrganizers);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::getRule).thenComparing(Finding::getSubject)
                .thenComparing(Finding::getMessage)).toList();
    }
}
