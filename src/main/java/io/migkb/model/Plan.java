package io.migkb.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The migration plan's choices; every field has a default (docs/inventory.md). */
public final class Plan {
    public static final int DEFAULT_FREQUENT_ORGANIZER_THRESHOLD = 10;

    private final String targetPool;
    private final boolean moveConferenceData;
    private final boolean liveMeetingServiceAvailable;
    private final boolean removeConferencingAddIn;
    private final int frequentOrganizerThreshold;
    private final Map<Client, String> minimumClientVersions;
    private final Map<String, Object> parameters;

    /**
     * The plan's choices; {@code minimumClientVersions} is copied.
     * For migkb's readers, not a stable member (docs/embedding.md): an inventory in code is built with
     * {@code io.migkb.api.InventoryBuilder}, which validates it.
     */
    public Plan(String targetPool, boolean moveConferenceData, boolean liveMeetingServiceAvailable,
                boolean removeConferencingAddIn, int frequentOrganizerThreshold, Map<Client, String> minimumClientVersions) {
        this(targetPool, moveConferenceData, liveMeetingServiceAvailable, removeConferencingAddIn,
                frequentOrganizerThreshold, minimumClientVersions, Map.of());
    }

    /**
     * A plan with the customer's {@code parameters}: names to a {@code String}, {@code Long}, {@code Double} or
     * {@code Boolean}, read by the customer's own rules ({@link #intParameter} and its siblings).
     */
    public Plan(String targetPool, boolean moveConferenceData, boolean liveMeetingServiceAvailable,
                boolean removeConferencingAddIn, int frequentOrganizerThreshold, Map<Client, String> minimumClientVersions,
                Map<String, Object> parameters) {
        this.targetPool = targetPool;
        this.moveConferenceData = moveConferenceData;
        this.liveMeetingServiceAvailable = liveMeetingServiceAvailable;
        this.removeConferencingAddIn = removeConferencingAddIn;
        this.frequentOrganizerThreshold = frequentOrganizerThreshold;
        Arguments.noNullKeys(minimumClientVersions, "minimumClientVersions");
        this.minimumClientVersions = minimumClientVersions.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(minimumClientVersions));
        this.parameters = parameters.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The Lync 2013 pool users are moved to; null only when the inventory declares no Lync 2013 pool. */
    public String getTargetPool() {
        return targetPool;
    }

    public boolean isMoveConferenceData() {
        return moveConferenceData;
    }

    public boolean isLiveMeetingServiceAvailable() {
        return liveMeetingServiceAvailable;
    }

    /**
     * True when {@code user} can use the Live Meeting service: the plan says it is available, or the user already
     * schedules Live Meeting service meetings (their own use of it shows it is there for them).
     */
    public boolean liveMeetingServiceAvailableTo(User user) {
        return liveMeetingServiceAvailable || user.isSchedulesLiveMeetingService();
    }

    /**
     * True when the article's second option holds for {@code user}: homed on OCS 2007 R2, needing Live Meeting's
     * large meetings or break-out rooms, with no Live Meeting service available to them, so they stay homed there.
     * This wins over moving a frequent organizer early: Lync Server 2013 meetings lack what they need.
     */
    public boolean keepsOnOcsForLiveMeeting(User user) {
        return user.getServerVersion() == ServerVersion.OCS_2007_R2
                && (user.getNeeds().contains(Need.LARGE_MEETINGS) || user.getNeeds().contains(Need.BREAKOUT_ROOMS))
                && !liveMeetingServiceAvailableTo(user);
    }

    public boolean isRemoveConferencingAddIn() {
        return removeConferencingAddIn;
    }

    public int getFrequentOrganizerThreshold() {
        return frequentOrganizerThreshold;
    }

    /** The customer's client policy: the lowest version allowed per client (docs/inventory.md). */
    public Map<Client, String> getMinimumClientVersions() {
        return minimumClientVersions;
    }

    /** True when the policy sets a minimum for this client and {@code version} is below it. */
    public boolean isBelowPolicy(Client client, String version) {
        String minimum = minimumClientVersions.get(client);
        return minimum != null && version != null && Versions.compare(version, minimum) < 0;
    }

    /** The customer's parameters ({@code plan.parameters}), in the order given: name to text, number or boolean. */
    public Map<String, Object> getParameters() {
        return parameters;
    }

    /** The whole-number parameter {@code name}, or {@code otherwise} when the plan does not set it. */
    public int intParameter(String name, int otherwise) {
        Object value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        Double number = number(value);
        if (number == null || number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw notA(name, value, "a whole number");
        }
        return number.intValue();
    }

    /** The number parameter {@code name} (a decimal allowed), or {@code otherwise} when the plan does not set it. */
    public double decimalParameter(String name, double otherwise) {
        Object value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        Double number = number(value);
        if (number == null) {
            throw notA(name, value, "a number");
        }
        return number;
    }

    /** The true/false parameter {@code name}, or {@code otherwise} when the plan does not set it. */
    public boolean flagParameter(String name, boolean otherwise) {
        Object value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw notA(name, value, "true or false");
    }

    /** The parameter {@code name} as text (a number or boolean as written), or {@code otherwise} when not set. */
    public String textParameter(String name, String otherwise) {
        Object value = parameters.get(name);
        return value == null ? otherwise : value.toString();
    }

    /** A number, or text that is one ("250" read from a CSV-minded YAML); null otherwise. */
    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Thrown inside a rule, it fails the assessment naming the rule; the message says what to fix in the plan. */
    private static IllegalArgumentException notA(String name, Object value, String what) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new IllegalArgumentException("plan.parameters." + name + " is " + shown + ", but the rule reads it as "
                + what + ": give " + what + " in the inventory's plan");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plan p && Objects.equals(p.targetPool, targetPool) && p.moveConferenceData == moveConferenceData
                && p.liveMeetingServiceAvailable == liveMeetingServiceAvailable
                && p.removeConferencingAddIn == removeConferencingAddIn
                && p.frequentOrganizerThreshold == frequentOrganizerThreshold
                && p.minimumClientVersions.equals(minimumClientVersions) && p.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetPool, moveConferenceData, frequentOrganizerThreshold);
    }

    @Override
    public String toString() {
        return "Plan[target " + targetPool + ", moveConferenceData " + moveConferenceData + "]";
    }
}
