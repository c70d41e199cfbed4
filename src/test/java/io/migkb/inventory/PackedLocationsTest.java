package io.migkb.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.migkb.generate.InventoryGenerator;
import io.migkb.generate.JsonInventorySink;
import io.migkb.model.FederatedUser;
import io.migkb.model.Inventory;
import io.migkb.model.SourceLocation;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory keeps element positions packed and finds a subject through its own lists: every subject of a
 * generated inventory must be where Jackson puts the start of its element, as when locations were a map.
 */
class PackedLocationsTest {
    @TempDir
    Path dir;

    @Test
    void everySubjectIsAtItsElementsStart() throws Exception {
        Path file = dir.resolve("estate.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            new InventoryGenerator(3_000, 5).generate(new JsonInventorySink(out));
        }
        Map<String, List<SourceLocation>> starts = elementStarts(file);
        Inventory inventory = new JsonInventoryReader().read(file);

        for (int i = 0; i < inventory.getPools().size(); i++) {
            assertThat(inventory.locationOf("pool:" + inventory.getPools().get(i).getFqdn()))
                    .contains(starts.get("pools").get(i));
        }
        for (int i = 0; i < inventory.getUsers().size(); i++) {
            assertThat(inventory.locationOf("user:" + inventory.getUsers().get(i).getSip()))
                    .contains(starts.get("users").get(i));
        }
        Map<String, SourceLocation> partners = new HashMap<>();
        List<FederatedUser> federated = inventory.getFederatedUsers();
        for (int i = 0; i < federated.size(); i++) {
            partners.putIfAbsent(federated.get(i).getDomain(), starts.get("federatedUsers").get(i));
        }
        assertThat(partners).isNotEmpty();
        partners.forEach((domain, at) -> assertThat(inventory.locationOf("partner:" + domain)).contains(at));
        assertThat(inventory.getMeetings()).hasSize(starts.get("meetings").size());
        for (int i = 0; i < inventory.getMeetings().size(); i++) {
            assertThat(inventory.locationOf("meeting:" + inventory.getMeetings().get(i).getId()))
                    .contains(starts.get("meetings").get(i));
        }

        Map<String, SourceLocation> all = inventory.getLocations();
        assertThat(all).hasSize(inventory.getPools().size() + inventory.getUsers().size() + partners.size()
                + inventory.getMeetings().size());
        all.forEach((subject, at) -> assertThat(inventory.locationOf(subject)).contains(at));
    }

    @Test
    void subjectsNameElementsExactlyAsSpelled() throws Exception {
        Path file = dir.resolve("small.json");
        Files.writeString(file, """
                {"pools": [{"fqdn": "Pool13.Contoso.com", "version": "LYNC_2013"}],
                 "users": [{"sip": "Alice@Contoso.com", "pool": "pool13.contoso.com", "client": "LYNC_2013"}],
                 "federatedUsers": [{"sip": "carol@Fabrikam.com", "client": "LYNC_2013"}],
                 "meetings": [{"id": "M-1", "organizer": "alice@contoso.com", "url": "https://meet/x"}]}
                """);
        Inventory inventory = new JsonInventoryReader().read(file);

        assertThat(inventory.locationOf("user:Alice@Contoso.com")).map(SourceLocation::line).contains(2);
        assertThat(inventory.locationOf("user:alice@contoso.com")).isEmpty();
        assertThat(inventory.locationOf("pool:Pool13.Contoso.com")).map(SourceLocation::line).contains(1);
        assertThat(inventory.locationOf("pool:pool13.contoso.com")).isEmpty();
        assertThat(inventory.locationOf("partner:fabrikam.com")).map(SourceLocation::line).contains(3);
        assertThat(inventory.locationOf("meeting:M-1")).map(SourceLocation::line).contains(4);
        assertThat(inventory.locationOf("meeting:m-1")).isEmpty();
        assertThat(inventory.locationOf("meeting:")).isEmpty();
        assertThat(inventory.locationOf("room:M-1")).isEmpty();
        assertThat(inventory.locationOf("M-1")).isEmpty();
        assertThat(inventory.getMeetings().get(0).getOrganizerServerVersion()).isNotNull();
    }

    /** Where Jackson puts the start of each element of each list, in order. */
    private static Map<String, List<SourceLocation>> elementStarts(Path file) throws Exception {
        Map<String, List<SourceLocation>> starts = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String list = p.currentName();
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                List<SourceLocation> at = starts.computeIfAbsent(list, k -> new ArrayList<>());
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonLocation l = p.currentTokenLocation();
                    at.add(new SourceLocation(file.toString(), l.getLineNr(), l.getColumnNr()));
                    p.skipChildren();
                }
            }
        }
        return starts;
    }
}
