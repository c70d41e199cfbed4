package io.migkb.generate;

import static io.migkb.generate.Unchecked.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a generated inventory as JSON in docs/inventory.md's shape with Jackson's streaming generator: one element
 * per line, so a file of millions of meetings is written in constant memory and still reads well in an editor.
 * Optional fields are left out when they hold their default.
 */
public final class JsonInventorySink implements InventorySink {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator json;
    private static final List<String> SECTIONS = List.of("pools", "users", "federatedUsers", "meetings");

    private final Set<String> written = new HashSet<>();
    private String section;

    /** Writes to {@code out}, which is flushed but not closed by {@link #end()}. */
    public JsonInventorySink(OutputStream out) {
        try {
            json = JSON.createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void organization(String organization) {
        io(() -> {
            newline();
            json.writeStringField("organization", organization);
        });
    }

    @Override
    public void plan(GeneratedPlan plan) {
        io(() -> {
            newline();
            json.writeObjectFieldStart("plan");
            json.writeStringField("targetPool", plan.targetPool());
            json.writeBooleanField("moveConferenceData", plan.moveConferenceData());
            json.writeBooleanField("liveMeetingServiceAvailable", plan.liveMeetingServiceAvailable());
            json.writeBooleanField("removeConferencingAddIn", plan.removeConferencingAddIn());
            json.writeNumberField("frequentOrganizerThreshold", plan.frequentOrganizerThreshold());
            json.writeObjectFieldStart("minimumClientVersions");
            json.writeStringField(Client.LYNC_2013.name(), plan.minimumLync2013());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    @Override
    public void pool(String fqdn, ServerVersion version) {
        io(() -> {
            element("pools");
            json.writeStringField("fqdn", fqdn);
            json.writeStringField("version", version.name());
            json.writeEndObject();
        });
    }

    @Override
    public void user(GeneratedUser u) {
        io(() -> {
            element("users");
            json.writeStringField("sip", u.sip());
            json.writeStringField("pool", u.pool());
            json.writeStringField("client", u.clientText());
            if (u.meetingsPerMonth() != 0) {
                json.writeNumberField("meetingsPerMonth", u.meetingsPerMonth());
            }
            if (!u.needs().isEmpty()) {
                json.writeArrayFieldStart("needs");
                for (Need n : u.needs()) {
                    json.writeString(n.name());
                }
                json.writeEndArray();
            }
            if (!u.addIns().isEmpty()) {
                json.writeArrayFieldStart("addIns");
                for (AddIn a : u.addIns()) {
                    json.writeString(a.name());
                }
                json.writeEndArray();
            }
            if (u.schedulesLiveMeetingService()) {
                json.writeBooleanField("schedulesLiveMeetingService", true);
            }
            json.writeEndObject();
        });
    }

    @Override
    public void federatedUser(String sip, String clientText, Client client) {
        io(() -> {
            element("federatedUsers");
            json.writeStringField("sip", sip);
            json.writeStringField("client", clientText);
            json.writeEndObject();
        });
    }

    @Override
    public void meeting(GeneratedMeeting m) {
        io(() -> {
            element("meetings");
            json.writeStringField("id", m.id());
            json.writeStringField("organizer", m.organizer());
            json.writeStringField("url", m.url());
            if (m.locked()) {
                json.writeBooleanField("locked", true);
            }
            if (!m.content().isEmpty()) {
                json.writeArrayFieldStart("content");
                for (Content c : m.content()) {
                    json.writeString(c.name());
                }
                json.writeEndArray();
            }
            if (m.video()) {
                json.writeBooleanField("video", true);
            }
            if (m.noMeetingIm()) {
                json.writeBooleanField("noMeetingIm", true);
            }
            json.writeArrayFieldStart("participants");
            for (String p : m.participants()) {
                json.writeString(p);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    @Override
    public void end() {
        io(() -> {
            closeSection();
            for (String name : SECTIONS) {
                if (!written.contains(name)) {
                    newline();
                    json.writeArrayFieldStart(name);
                    json.writeEndArray();
                }
            }
            json.writeRaw('\n');
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        });
    }

    /** Opens section {@code name} (an array) if it is not the current one, and starts a new element on a new line. */
    private void element(String name) throws IOException {
        if (!name.equals(section)) {
            closeSection();
            newline();
            json.writeArrayFieldStart(name);
            section = name;
            written.add(name);
        }
        json.writeRaw("\n  ");
        json.writeStartObject();
    }

    private void closeSection() throws IOException {
        if (section != null) {
            json.writeRaw("\n");
            json.writeEndArray();
            section = null;
        }
    }

    private void newline() throws IOException {
        json.writeRaw('\n');
    }

}
