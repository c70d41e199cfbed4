package io.migkb.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.migkb.model.Coverage;
import io.migkb.model.SourceLocation;
import java.io.IOException;

/**
 * {@code "coverage": {...}} as the JSON report and SARIF's run properties give it: the counts, then each user not
 * assessed with why and where. One writer for both, so that they cannot drift apart.
 */
final class JsonCoverage {
    private JsonCoverage() {
    }

    static void write(JsonGenerator json, Coverage coverage) throws IOException {
        json.writeObjectFieldStart("coverage");
        json.writeNumberField("usersWithClient", coverage.usersWithClient());
        json.writeNumberField("users", coverage.users());
        json.writeNumberField("poolsWithVersion", coverage.poolsWithVersion());
        json.writeNumberField("pools", coverage.pools());
        json.writeNumberField("meetingsWithParticipants", coverage.meetingsWithParticipants());
        json.writeNumberField("meetings", coverage.meetings());
        json.writeNumberField("meetingsExpired", coverage.meetingsExpired());
        json.writeNumberField("meetingsOfOthers", coverage.meetingsOfOthers());
        json.writeArrayFieldStart("notAssessed");
        for (Coverage.NotAssessedUser user : coverage.notAssessed()) {
            json.writeStartObject();
            json.writeStringField("sip", user.sip());
            json.writeStringField("reason", user.reason().name());
            json.writeStringField("detail", user.detail());
            json.writeStringField("location", location(user.location()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** "users.csv:12"; the file alone when the line is unknown; null when the reader gave no place. */
    static String location(SourceLocation location) {
        if (location == null) {
            return null;
        }
        return location.line() > 0 ? location.file() + ":" + location.line() : location.file();
    }
}
