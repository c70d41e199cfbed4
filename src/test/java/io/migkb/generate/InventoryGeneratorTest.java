package io.migkb.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migkb.model.Inventory;
import io.migkb.model.ServerVersion;
import io.migkb.model.UrlScheme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryGeneratorTest {
    static byte[] json(int users, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new InventoryGenerator(users, seed).generate(new JsonInventorySink(out));
        return out.toByteArray();
    }

    @Test
    void sameSeedSameFileOtherSeedOtherFile() {
        assertThat(json(2_000, 7)).isEqualTo(json(2_000, 7));
        assertThat(json(2_000, 7)).isNotEqualTo(json(2_000, 8));
    }

    @Test
    void writesDesignsShapeWithPlanAndEveryKindOfElement() throws IOException {
        JsonNode root = new ObjectMapper().readTree(json(1_000, 1));
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("organization", "plan", "pools", "users", "federatedUsers", "meetings");
        assertThat(root.get("plan").get("targetPool").asText()).isEqualTo("pool13-01.contoso.com");
        assertThat(root.get("users")).hasSize(1_000);
        Set<String> versions = new HashSet<>();
        root.get("pools").forEach(p -> versions.add(p.get("version").asText()));
        assertThat(versions).containsExactlyInAnyOrder("OCS_2007_R2", "LYNC_2010", "LYNC_2013");
        Set<String> sips = new HashSet<>();
        root.get("users").forEach(u -> assertThat(sips.add(u.get("sip").asText())).isTrue());
        root.get("federatedUsers").forEach(u -> assertThat(sips.add(u.get("sip").asText())).isTrue());
        Set<String> ids = new HashSet<>();
        root.get("meetings").forEach(m -> {
            assertThat(ids.add(m.get("id").asText())).isTrue();
            assertThat(sips).contains(m.get("organizer").asText());
            m.get("participants").forEach(p -> assertThat(sips).contains(p.asText()));
        });
        // Some clients are given as user-agent strings.
        assertThat(new String(json(1_000, 1), StandardCharsets.UTF_8)).contains("\"client\":\"OC/15.0.");
    }

    @Test
    void aboutThreeMeetingsPerUserWithSchemesByOrganizersServer() {
        Inventory inv = ModelInventorySink.generate(5_000, 3);
        double perUser = inv.getMeetings().size() / 5_000.0;
        assertThat(perUser).isBetween(2.7, 3.3);
        var version = new java.util.HashMap<String, ServerVersion>();
        inv.getUsers().forEach(u -> version.put(u.getSip(), u.getServerVersion()));
        inv.getMeetings().forEach(m -> {
            if (version.get(m.getOrganizer()) == ServerVersion.OCS_2007_R2) {
                assertThat(m.getScheme()).isNotEqualTo(UrlScheme.HTTPS);
            }
        });
        assertThat(inv.getMeetings()).anyMatch(m -> m.getScheme() == UrlScheme.CONF)
                .anyMatch(m -> m.getScheme() == UrlScheme.MEET).anyMatch(m -> m.getScheme() == UrlScheme.HTTPS)
                .anyMatch(m -> m.isLocked());
    }

    @Test
    void refusesNoUsers() {
        assertThatThrownBy(() -> new InventoryGenerator(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
