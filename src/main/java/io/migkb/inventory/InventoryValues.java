package io.migkb.inventory;

import io.migkb.model.AddIn;
import io.migkb.model.Client;
import io.migkb.model.Content;
import io.migkb.model.Need;
import io.migkb.model.ServerVersion;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names an inventory value may take (server versions, clients, content, needs, add-ins), looked up by exact
 * name, and the messages for a value that is none of them. Every reader (JSON, YAML, CSV, Lync export) words
 * these problems the same way, so the messages live here once.
 */
final class InventoryValues {

    /** The values of one enum, looked up by exact name. */
    static final class Choices<E extends Enum<E>> {
        final String what;
        final Class<E> type;
        final Map<String, E> byName = new HashMap<>();
        final Map<String, E> byLooseName = new HashMap<>();
        final String allowed;

        Choices(String what, Class<E> type) {
            this.what = what;
            this.type = type;
            for (E e : nameable(type)) {
                byName.put(e.name(), e);
                byLooseName.put(loose(e.name()), e);
            }
            this.allowed = names(nameable(type).toArray(new Enum<?>[0]));
        }

        /** The constant whose name matches {@code text} once case, spaces, hyphens and underscores are ignored. */
        E nearMiss(String text) {
            return byLooseName.get(loose(text));
        }

        private static String loose(String text) {
            StringBuilder loose = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '-' && c != '_') {
                    loose.append(Character.toUpperCase(c));
                }
            }
            return loose.toString();
        }
    }

    static final String CLIENT_HINT = "a client name (" + names(nameable(Client.class).toArray(new Enum<?>[0]))
            + ") or the SIP user-agent string it sends, e.g. \"OC/15.0.4481.1000\"";

    static final Choices<ServerVersion> VERSIONS = new Choices<>("server version", ServerVersion.class);
    static final Choices<Client> CLIENTS = new Choices<>("client", Client.class);
    static final Choices<Content> CONTENT = new Choices<>("content", Content.class);
    static final Choices<Need> NEEDS = new Choices<>("need", Need.class);
    static final Choices<AddIn> ADD_INS = new Choices<>("add-in", AddIn.class);
    /** Looked up for every item of every list cell: one list, not one per lookup. */
    private static final List<Choices<?>> ALL = List.of(VERSIONS, CLIENTS, CONTENT, NEEDS, ADD_INS);

    private static final String USER_AGENT_PREFIXES = nameable(Client.class).stream()
            .flatMap(c -> c.getUserAgentPrefixes().stream().map(p -> p + " (" + c.name() + ")"))
            .collect(Collectors.joining(", "));

    private InventoryValues() {
    }

    /** The constants an inventory may name: all but {@link Client#UNKNOWN}, which only a gap in exports gives. */
    static <E extends Enum<E>> List<E> nameable(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> !(e instanceof Client c) || c.isKnown()).toList();
    }

    /** The names of {@code values}, comma-separated, for "allowed: ..." lists. */
    static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The choices of {@code type}; only the five inventory enums have them. */
    static Choices<?> choicesOf(Class<?> type) {
        for (Choices<?> c : ALL) {
            if (c.type == type) {
                return c;
            }
        }
        throw new IllegalArgumentException("not an inventory enum: " + type);
    }

    // ------------------------------------------------------------------ messages

    static String unknownChoice(Choices<?> choices, String text) {
        Enum<?> near = choices.nearMiss(text);
        return "unknown " + choices.what + " \"" + text + "\""
                + (near == null ? "" : "; did you mean " + near.name() + "? (names are case-sensitive)")
                + "; allowed: " + choices.allowed;
    }

    static String unknownClient(String text) {
        if (text.isBlank()) {
            return "must not be empty; give " + CLIENT_HINT;
        }
        Client near = CLIENTS.nearMiss(text);
        if (near != null) {
            return "unknown client \"" + text + "\"; did you mean " + near.name() + "? (names are case-sensitive)";
        }
        return "unknown client \"" + text + "\": neither a client name (" + CLIENTS.allowed + ") nor a known SIP"
                + " user-agent string; known user-agent prefixes: " + USER_AGENT_PREFIXES;
    }

    static String badUrl(String url) {
        int colon = url.indexOf(':');
        String shown = abbreviate(url);
        String problem = colon <= 0 ? "meeting URL \"" + shown + "\" has no scheme"
                : "unsupported URL scheme \"" + url.substring(0, colon) + ":\" in \"" + shown + "\"";
        return problem + "; a meeting URL starts with conf:, meet: or https: (e.g."
                + " \"meet:sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:K9Q1\" or"
                + " \"https://meet.contoso.com/alice/K9Q1\")";
    }

    /** Long values are cut in messages so that one bad cell cannot flood the error list. */
    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
