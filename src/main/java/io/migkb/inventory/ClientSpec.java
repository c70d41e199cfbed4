package io.migkb.inventory;

import io.migkb.model.Client;
import java.util.HashMap;
import java.util.Map;

/** A client as given: the constant, and the version when given as a user-agent string. */
record ClientSpec(Client client, String version) {

    /** Reads client cells and values of one inventory, parsing each distinct user agent once. */
    static final class Resolver {
        /** Enough for the distinct user agents of a large estate; beyond it they are parsed each time. */
        private static final int MAX_CACHED_USER_AGENTS = 4096;

        private final Map<String, ClientSpec> userAgents = new HashMap<>();

        /** A client given by name or user agent; null when unknown (not reported: the caller decides). */
        ClientSpec resolve(String text) {
            Client byName = InventoryValues.CLIENTS.byName.get(text);
            if (byName != null) {
                return new ClientSpec(byName, null);
            }
            ClientSpec known = userAgents.get(text);
            if (known != null) {
                return known;
            }
            Client byAgent = text.isBlank() ? null : Client.fromUserAgent(text).orElse(null);
            if (byAgent == null) {
                return null;
            }
            ClientSpec spec = new ClientSpec(byAgent, Client.versionOf(text).orElse(null));
            if (userAgents.size() < MAX_CACHED_USER_AGENTS) {
                userAgents.put(text, spec);
            }
            return spec;
        }
    }
}
